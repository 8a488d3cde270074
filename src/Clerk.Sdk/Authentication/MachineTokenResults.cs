using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Clerk.BackendApi;

namespace Clerk.Authentication;

/// <summary>Builds <see cref="ClerkMachineAuth"/> from a verified machine JWT or a Backend API verify response.</summary>
internal static class MachineTokenResults
{
    private static readonly HashSet<string> M2MReservedClaims = new(StringComparer.Ordinal) { "iss", "sub", "exp", "nbf", "iat", "jti" };

    /// <summary>An M2M JWT: id <c>jti</c>, subject <c>mch_...</c>, scopes from <c>scopes</c> (space-separated) or <c>aud</c>, other claims as custom claims.</summary>
    public static ClerkMachineAuth FromM2MJwt(JsonElement payload, string subject) => new(ClerkTokenType.M2MToken, JsonClaims.GetString(payload, "jti"u8) ?? string.Empty, subject)
    {
        Scopes = JsonClaims.GetString(payload, "scopes"u8) is { } scopes ? Split(scopes) : StringList(payload, "aud"),
        Claims = CustomClaims(payload),
        Expiration = JsonClaims.GetTime(payload, "exp"u8),
        VerifiedLocally = true,
    };

    /// <summary>An OAuth access token JWT: id <c>jti</c>, <c>client_id</c>, scopes from <c>scp</c> or <c>scope</c>.</summary>
    public static ClerkMachineAuth FromOAuthJwt(JsonElement payload, string subject) => new(ClerkTokenType.OAuthToken, JsonClaims.GetString(payload, "jti"u8) ?? string.Empty, subject)
    {
        ClientId = JsonClaims.GetString(payload, "client_id"u8),
        Scopes = payload.TryGetProperty("scp"u8, out var scp) && scp.ValueKind == JsonValueKind.Array ? StringList(payload, "scp") : Split(JsonClaims.GetString(payload, "scope"u8) ?? string.Empty),
        Claims = payload,
        Expiration = JsonClaims.GetTime(payload, "exp"u8),
        VerifiedLocally = true,
    };

    public static ClerkMachineAuth FromApiKey(ApiKey response) => new(ClerkTokenType.ApiKey, response.Id ?? string.Empty, response.Subject ?? string.Empty)
    {
        Name = response.Name,
        Scopes = response.Scopes?.ToArray() ?? Array.Empty<string>(),
        Claims = ToJson(response.Claims),
        Expiration = FromMilliseconds(response.Expiration),
    };

    public static ClerkMachineAuth FromM2M(M2MToken response) => new(ClerkTokenType.M2MToken, response.Id ?? string.Empty, response.Subject ?? string.Empty)
    {
        Scopes = response.Scopes?.ToArray() ?? Array.Empty<string>(),
        Claims = ToJson(response.Claims),
        Expiration = FromMilliseconds(response.Expiration),
    };

    public static ClerkMachineAuth FromOAuth(VerifyOAuthAccessTokenResponse response) => new(ClerkTokenType.OAuthToken, response.Id ?? string.Empty, response.Subject ?? string.Empty)
    {
        ClientId = response.ClientId,
        Scopes = response.Scopes?.ToArray() ?? Array.Empty<string>(),
        Expiration = FromMilliseconds(response.Expiration),
    };

    private static DateTimeOffset? FromMilliseconds(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    private static string[] Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string[] StringList(JsonElement payload, string name)
    {
        if (!payload.TryGetProperty(name, out var value))
        {
            return Array.Empty<string>();
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }
        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : Array.Empty<string>();
    }

    private static JsonElement CustomClaims(JsonElement payload)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in payload.EnumerateObject())
            {
                if (!M2MReservedClaims.Contains(property.Name))
                {
                    property.WriteTo(writer);
                }
            }
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static JsonElement? ToJson(object? value)
    {
        if (value is null)
        {
            return null;
        }
        using var document = JsonDocument.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(value));
        return document.RootElement.Clone();
    }
}
