using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clerk.Sdk.Benchmarks;

/// <summary>
/// Realistic Clerk Backend API payloads, built in code: a user with every field of the model present and most
/// populated (a verified email address linked to a Google account, a phone number reserved for second factor, the
/// Google external account with its verification, SCIM data and all three metadata objects; no web3 wallet, passkey,
/// SAML or enterprise account), 3.7 KB of compact JSON; and bare JSON arrays of such users with distinct ids, as
/// <c>GET /users</c> returns them (500 users: 1.85 MB).
/// </summary>
public static class ClerkPayloads
{
    /// <summary>Every user id has this length: <c>user_</c> and 27 base62 characters, like Clerk's.</summary>
    public const int UserIdLength = 32;

    private const long CreatedAt = 1_716_883_200_000;

    /// <summary>The id of user number <paramref name="index"/>: <c>user_2bench</c> and the zero-padded index (27 characters).</summary>
    public static string UserId(long index) => "user_2bench" + index.ToString("D21", CultureInfo.InvariantCulture);

    /// <summary>One user as compact UTF-8 JSON.</summary>
    public static byte[] UserJson(long index = 0) => Encoding.UTF8.GetBytes(User(index).ToJsonString());

    /// <summary>A bare JSON array of <paramref name="count"/> users numbered from <paramref name="first"/>.</summary>
    public static byte[] UserListJson(long first, int count)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = 0; i < count; i++)
            {
                User(first + i).WriteTo(writer);
            }
            writer.WriteEndArray();
        }
        return buffer.ToArray();
    }

    /// <summary>The byte offsets of every user id's value (the 32 characters after <c>"id":"</c> of each user) in a list.</summary>
    public static int[] UserIdOffsets(byte[] listJson, int count)
    {
        var offsets = new int[count];
        var marker = Encoding.UTF8.GetBytes("{\"id\":\"");
        var found = 0;
        for (var i = 0; i < listJson.Length && found < count; i++)
        {
            // Every user object starts with its id; nested objects with an id start with other properties or ids of other shapes.
            if (listJson.AsSpan(i).StartsWith(marker) && listJson.AsSpan(i + marker.Length).StartsWith("user_2bench"u8))
            {
                offsets[found++] = i + marker.Length;
            }
        }
        if (found != count) throw new InvalidOperationException($"found {found} user ids, expected {count}");
        return offsets;
    }

    /// <summary>Writes the id of user <paramref name="index"/> at <paramref name="offset"/> (same length as every id).</summary>
    public static void PatchUserId(Span<byte> json, int offset, long index) =>
        Encoding.ASCII.GetBytes(UserId(index), json.Slice(offset, UserIdLength));

    private static JsonObject User(long index)
    {
        var n = index.ToString("D21", CultureInfo.InvariantCulture);
        var created = CreatedAt + (index * 60_000);
        var emailId = "idn_2benchEmailPrimary" + n[^10..];
        var googleId = "idn_2benchOauthGoogle0" + n[^10..];
        return new JsonObject
        {
            ["id"] = UserId(index),
            ["object"] = "user",
            ["external_id"] = "crm-customer-" + n[^8..],
            ["primary_email_address_id"] = emailId,
            ["primary_phone_number_id"] = "idn_2benchPhonePrimary" + n[^10..],
            ["primary_web3_wallet_id"] = null,
            ["username"] = "ada.lovelace" + index.ToString(CultureInfo.InvariantCulture),
            ["first_name"] = "Ada",
            ["last_name"] = "Lovelace",
            ["locale"] = "en-GB",
            ["profile_image_url"] = "https://images.clerk.dev/oauth_google/img_2benchProfileImage0000000000.jpeg",
            ["image_url"] = "https://img.clerk.com/eyJ0eXBlIjoicHJveHkiLCJzcmMiOiJodHRwczovL2ltYWdlcy5jbGVyay5kZXYvb2F1dGhfZ29vZ2xlL2ltZ18yYmVuY2hQcm9maWxlSW1hZ2UwMDAwMDAwMDAwLmpwZWcifQ",
            ["has_image"] = true,
            ["public_metadata"] = new JsonObject { ["plan"] = "pro", ["seats"] = 25, ["features"] = new JsonArray("sso", "audit-log", "export"), ["region"] = "eu-west-1" },
            ["private_metadata"] = new JsonObject { ["stripe_customer_id"] = "cus_Q2benchStripe0001", ["risk_score"] = 0.12, ["support_tier"] = "gold", ["notes"] = "migrated from the legacy auth system in 2024" },
            ["unsafe_metadata"] = new JsonObject { ["onboarding"] = new JsonObject { ["step"] = 4, ["completed"] = true }, ["theme"] = "dark", ["newsletter"] = false },
            ["email_addresses"] = new JsonArray(Email(emailId, $"ada.lovelace{index}@example.com", "email_code", created, new JsonArray(Link("oauth_google", googleId)))),
            ["phone_numbers"] = new JsonArray(new JsonObject
            {
                ["id"] = "idn_2benchPhonePrimary" + n[^10..],
                ["object"] = "phone_number",
                ["phone_number"] = "+442071838750",
                ["reserved_for_second_factor"] = true,
                ["default_second_factor"] = true,
                ["reserved"] = false,
                ["verification"] = Verification("phone_code", created + 120_000),
                ["linked_to"] = new JsonArray(),
                ["backup_codes"] = null,
                ["created_at"] = created + 60_000,
                ["updated_at"] = created + 180_000,
            }),
            ["web3_wallets"] = new JsonArray(),
            ["passkeys"] = new JsonArray(),
            ["password_enabled"] = true,
            ["two_factor_enabled"] = true,
            ["totp_enabled"] = true,
            ["backup_code_enabled"] = true,
            ["mfa_enabled_at"] = created + 7_200_000,
            ["mfa_disabled_at"] = null,
            ["password_last_updated_at"] = created + 10_800_000,
            ["external_accounts"] = new JsonArray(new JsonObject
            {
                ["object"] = "google_account",
                ["id"] = "idn_2benchGoogleAccount" + n[^9..],
                ["provider"] = "oauth_google",
                ["identification_id"] = googleId,
                ["provider_user_id"] = "1098765432101234567" + n[^2..],
                ["approved_scopes"] = "email openid profile",
                ["email_address"] = $"ada.lovelace{index}@example.com",
                ["email_address_verified"] = true,
                ["first_name"] = "Ada",
                ["last_name"] = "Lovelace",
                ["avatar_url"] = "https://lh3.googleusercontent.com/a/ACg8ocJbenchAvatar00000000000000000000=s1000-c",
                ["image_url"] = "https://img.clerk.com/eyJ0eXBlIjoicHJveHkiLCJzcmMiOiJodHRwczovL2xoMy5nb29nbGUifQ",
                ["username"] = null,
                ["phone_number"] = null,
                ["public_metadata"] = new JsonObject(),
                ["label"] = null,
                ["created_at"] = created,
                ["updated_at"] = created + 86_400_000,
                ["verification"] = new JsonObject
                {
                    ["object"] = "verification_oauth",
                    ["status"] = "verified",
                    ["strategy"] = "oauth_google",
                    ["external_verification_redirect_url"] = null,
                    ["error"] = null,
                    ["expire_at"] = created + 600_000,
                    ["attempts"] = null,
                    ["verified_at_client"] = "client_2benchClientId000000000",
                },
            }),
            ["saml_accounts"] = new JsonArray(),
            ["enterprise_accounts"] = new JsonArray(),
            ["last_sign_in_at"] = created + 172_800_000,
            ["banned"] = false,
            ["locked"] = false,
            ["deprovisioned"] = false,
            ["lockout_expires_in_seconds"] = null,
            ["verification_attempts_remaining"] = 100,
            ["updated_at"] = created + 172_800_000,
            ["created_at"] = created,
            ["delete_self_enabled"] = true,
            ["create_organization_enabled"] = true,
            ["create_organizations_limit"] = 5,
            ["last_active_at"] = created + 180_000_000,
            ["legal_accepted_at"] = created + 1_000,
            ["bypass_client_trust"] = false,
            ["scim"] = new JsonObject { ["directory_id"] = "dir_2benchDirectory0000000000", ["directory_enabled"] = true, ["external_id"] = "okta-00u1bench" + n[^6..] },
        };
    }

    private static JsonObject Email(string id, string address, string strategy, long created, JsonArray linkedTo) => new()
    {
        ["id"] = id,
        ["object"] = "email_address",
        ["email_address"] = address,
        ["reserved"] = false,
        ["verification"] = Verification(strategy, created + 600_000),
        ["linked_to"] = linkedTo,
        ["matches_sso_connection"] = false,
        ["created_at"] = created,
        ["updated_at"] = created + 120_000,
    };

    private static JsonObject Verification(string strategy, long expireAt) => new()
    {
        ["object"] = "verification_otp",
        ["status"] = "verified",
        ["strategy"] = strategy,
        ["attempts"] = 1,
        ["expire_at"] = expireAt,
        ["channel"] = strategy == "phone_code" ? "sms" : null,
        ["verified_at_client"] = "client_2benchClientId000000000",
    };

    private static JsonObject Link(string type, string id) => new() { ["type"] = type, ["id"] = id };
}
