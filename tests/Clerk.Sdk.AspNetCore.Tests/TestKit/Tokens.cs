using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Clerk.Sdk.AspNetCore.Tests.TestKit;

/// <summary>Mints Clerk session tokens (RS256, as Clerk's Frontend API) with the instance's key or an attacker's.</summary>
internal static class Tokens
{
    public const string Issuer = "https://clerk.example.com";
    public const string Party = "https://app.example.com";
    public const string Kid = "ins_2aAAAAAAAAAAAAAAAAAAAAAAAAA";
    public const string UserId = "user_2xyzUSER";
    public const string SessionId = "sess_2xyzSESSION";

    /// <summary>The instance's key: the apps under test get its public half as Clerk:JwtKey.</summary>
    public static readonly RSA InstanceKey = RSA.Create(2048);

    /// <summary>A forger's key.</summary>
    public static readonly RSA OtherKey = RSA.Create(2048);

    public static string Pem => InstanceKey.ExportSubjectPublicKeyInfoPem();

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>A valid v2 session token's claims, without an organization.</summary>
    public static Dictionary<string, object?> Claims() => new()
    {
        ["azp"] = Party,
        ["exp"] = Now + 60,
        ["iat"] = Now - 5,
        ["nbf"] = Now - 5,
        ["iss"] = Issuer,
        ["sid"] = SessionId,
        ["sts"] = "active",
        ["sub"] = UserId,
        ["v"] = 2,
    };

    /// <summary>v2 organization claims: role <c>org:{role}</c>; features invoices (read) and reports (read, manage).</summary>
    public static Dictionary<string, object?> InOrganization(this Dictionary<string, object?> claims, string role) => claims
        .With("o", new Dictionary<string, object?> { ["id"] = "org_2ORG", ["slg"] = "acme", ["rol"] = role, ["per"] = "read,manage", ["fpm"] = "1,3" })
        .With("fea", "o:invoices,o:reports");

    public static Dictionary<string, object?> With(this Dictionary<string, object?> claims, string name, object? value) =>
        new(claims) { [name] = value };

    public static string Sign(Dictionary<string, object?> claims, RSA? key = null, string typ = "JWT")
    {
        var header = new Dictionary<string, object?> { ["alg"] = "RS256", ["kid"] = Kid, ["typ"] = typ };
        var input = B64(JsonSerializer.Serialize(header)) + "." + B64(JsonSerializer.Serialize(claims));
        var signature = (key ?? InstanceKey).SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + B64(signature);
    }

    public static string Valid() => Sign(Claims());

    private static string B64(string text) => B64(Encoding.UTF8.GetBytes(text));

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
