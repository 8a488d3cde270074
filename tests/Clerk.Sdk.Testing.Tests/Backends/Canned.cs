using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.Testing.Tests.Backends;

/// <summary>Hand-written Clerk responses for the MockHttp backend (the shapes of Clerk's documented examples).</summary>
public static class Canned
{
    public const string Issuer = "https://mock.clerk.test";

    private const long Time = 1_735_000_000_000;

    public static string Id(string prefix) => prefix + "_" + RandomNumberGenerator.GetString("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 27);

    public static JObject User(string id, string email, string? first, string? last, JObject? publicMetadata = null)
    {
        var emailId = "idn_" + id[5..];
        return new JObject
        {
            ["id"] = id, ["object"] = "user", ["username"] = null, ["first_name"] = first, ["last_name"] = last,
            ["image_url"] = "https://img.clerk.com/x", ["has_image"] = false,
            ["primary_email_address_id"] = emailId, ["primary_phone_number_id"] = null, ["primary_web3_wallet_id"] = null,
            ["password_enabled"] = false, ["two_factor_enabled"] = false, ["totp_enabled"] = false, ["backup_code_enabled"] = false,
            ["email_addresses"] = new JArray(new JObject
            {
                ["id"] = emailId, ["object"] = "email_address", ["email_address"] = email, ["reserved"] = false,
                ["verification"] = new JObject { ["status"] = "verified", ["strategy"] = "admin", ["attempts"] = null, ["expire_at"] = null },
                ["linked_to"] = new JArray(), ["created_at"] = Time, ["updated_at"] = Time,
            }),
            ["phone_numbers"] = new JArray(), ["web3_wallets"] = new JArray(), ["passkeys"] = new JArray(), ["external_accounts"] = new JArray(),
            ["saml_accounts"] = new JArray(), ["enterprise_accounts"] = new JArray(),
            ["public_metadata"] = publicMetadata ?? new JObject(), ["private_metadata"] = new JObject(), ["unsafe_metadata"] = new JObject(),
            ["external_id"] = null, ["last_sign_in_at"] = null, ["banned"] = false, ["locked"] = false, ["lockout_expires_in_seconds"] = null,
            ["verification_attempts_remaining"] = 100, ["created_at"] = Time, ["updated_at"] = Time, ["delete_self_enabled"] = true,
            ["create_organization_enabled"] = true, ["last_active_at"] = null, ["mfa_enabled_at"] = null, ["mfa_disabled_at"] = null, ["legal_accepted_at"] = null,
        };
    }

    public static string Users(params JObject[] users) => new JArray(users.Cast<object>().ToArray()).ToString();

    public static string Session(string id, string userId, string status = "active", string? organizationId = null) => new JObject
    {
        ["object"] = "session", ["id"] = id, ["user_id"] = userId, ["client_id"] = Id("client"), ["status"] = status,
        ["last_active_organization_id"] = organizationId, ["last_active_at"] = Time, ["expire_at"] = Time + 604_800_000, ["abandon_at"] = Time + 2_592_000_000,
        ["updated_at"] = Time, ["created_at"] = Time,
    }.ToString();

    public static string Deleted(string objectName, string id) => new JObject { ["object"] = objectName, ["id"] = id, ["deleted"] = true }.ToString();

    public static string Error(string code, string message, string longMessage, string? param = null)
    {
        var error = new JObject { ["message"] = message, ["long_message"] = longMessage, ["code"] = code };
        if (param is not null)
        {
            error["meta"] = new JObject { ["param_name"] = param };
        }
        return new JObject { ["errors"] = new JArray(error), ["clerk_trace_id"] = "trace_mock" }.ToString();
    }

    public static JObject Organization(string id, string name, string slug) => new()
    {
        ["object"] = "organization", ["id"] = id, ["name"] = name, ["slug"] = slug, ["has_image"] = false, ["max_allowed_memberships"] = 0,
        ["admin_delete_enabled"] = true, ["public_metadata"] = new JObject(), ["private_metadata"] = new JObject(), ["created_at"] = Time, ["updated_at"] = Time,
    };

    public static JObject Membership(JObject organization, string userId, string role) => new()
    {
        ["object"] = "organization_membership", ["id"] = Id("orgmem"), ["role"] = role, ["permissions"] = new JArray(), ["public_metadata"] = new JObject(),
        ["organization"] = organization, ["created_at"] = Time, ["updated_at"] = Time,
        ["public_user_data"] = new JObject { ["user_id"] = userId, ["first_name"] = null, ["last_name"] = null, ["profile_image_url"] = null, ["image_url"] = "https://img.clerk.com/x", ["has_image"] = false },
    };

    public static string Memberships(params JObject[] memberships) =>
        new JObject { ["data"] = new JArray(memberships.Cast<object>().ToArray()), ["total_count"] = memberships.Length }.ToString();

    /// <summary>A session token signed with <see cref="MockHttpBackend.SigningKey"/> (the verifier gets its PEM).</summary>
    public static string Token(string userId, string sessionId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new Dictionary<string, object> { ["alg"] = "RS256", ["kid"] = "ins_mock", ["typ"] = "JWT" };
        var payload = new Dictionary<string, object> { ["sub"] = userId, ["sid"] = sessionId, ["iss"] = Issuer, ["iat"] = now, ["nbf"] = now - 10, ["exp"] = now + 60, ["v"] = 2, ["sts"] = "active" };
        var input = B64(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + B64(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = MockHttpBackend.SigningKey.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return new JObject { ["object"] = "token", ["jwt"] = input + "." + B64(signature) }.ToString();
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
