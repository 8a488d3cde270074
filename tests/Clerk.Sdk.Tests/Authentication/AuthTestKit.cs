using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clerk.Authentication;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>Keys, a fixed clock and a JWT builder for the token verification tests (RSA 2048, e = 65537, as Clerk's).</summary>
internal static class AuthTestKit
{
    /// <summary>The fixed "now" of every verification test; 500 ms past a second so skew boundaries are exact in ms.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, 500, TimeSpan.Zero);

    public const string Issuer = "https://clerk.example.com";

    public const string Party = "https://app.example.com";

    public const string KidA = "ins_2aAAAAAAAAAAAAAAAAAAAAAAAAA";

    public const string KidB = "ins_2bBBBBBBBBBBBBBBBBBBBBBBBBB";

    /// <summary>The instance's key.</summary>
    public static readonly RSA KeyA = RSA.Create(2048);

    /// <summary>Another instance's (or an attacker's) key.</summary>
    public static readonly RSA KeyB = RSA.Create(2048);

    public static readonly ECDsa EcKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static long NowSeconds => Now.ToUnixTimeSeconds();

    public static string PemA => KeyA.ExportSubjectPublicKeyInfoPem();

    public static FakeTimeProvider Clock() => new(Now);

    public static Dictionary<string, object?> SessionHeader(string? kid = KidA) => kid is null
        ? new() { ["alg"] = "RS256", ["typ"] = "JWT" }
        : new() { ["alg"] = "RS256", ["kid"] = kid, ["typ"] = "JWT" };

    /// <summary>A valid v2 session token's claims (no organization).</summary>
    public static Dictionary<string, object?> SessionClaims() => new()
    {
        ["azp"] = Party,
        ["exp"] = NowSeconds + 50,
        ["fva"] = new[] { 3, -1 },
        ["iat"] = NowSeconds - 10,
        ["iss"] = Issuer,
        ["nbf"] = NowSeconds - 10,
        ["sid"] = "sess_2xyzSESSION",
        ["sts"] = "active",
        ["sub"] = "user_2xyzUSER",
        ["v"] = 2,
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> map, string name, object? value)
    {
        var copy = new Dictionary<string, object?>(map) { [name] = value };
        return copy;
    }

    public static Dictionary<string, object?> Without(this Dictionary<string, object?> map, string name)
    {
        var copy = new Dictionary<string, object?>(map);
        copy.Remove(name);
        return copy;
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string B64(string text) => B64(Encoding.UTF8.GetBytes(text));

    public static byte[] FromB64(string segment) => System.Buffers.Text.Base64Url.DecodeFromChars(segment);

    public static string Sign(object header, object payload, RSA? key = null, string alg = "RS256") =>
        SignSegments(B64(Json(header)), B64(Json(payload)), key ?? KeyA, alg);

    public static string SignJson(string headerJson, string payloadJson, RSA? key = null, string alg = "RS256") =>
        SignSegments(B64(headerJson), B64(payloadJson), key ?? KeyA, alg);

    public static string SignBytes(byte[] header, byte[] payload, RSA? key = null, string alg = "RS256") =>
        SignSegments(B64(header), B64(payload), key ?? KeyA, alg);

    /// <summary>Signs <c>header.payload</c> as given (the segments may be deliberately non-canonical).</summary>
    public static string SignSegments(string header, string payload, RSA key, string alg = "RS256")
    {
        var input = header + "." + payload;
        return input + "." + B64(SignatureOf(Encoding.ASCII.GetBytes(input), key, alg));
    }

    public static string SignEc(object header, object payload)
    {
        var input = B64(Json(header)) + "." + B64(Json(payload));
        return input + "." + B64(EcKey.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    /// <summary>The classic confusion attack: HMAC keyed with the bytes of the instance's public PEM.</summary>
    public static string SignHmacWithPem(object header, object payload)
    {
        var input = B64(Json(header)) + "." + B64(Json(payload));
        return input + "." + B64(HMACSHA256.HashData(Encoding.ASCII.GetBytes(PemA), Encoding.ASCII.GetBytes(input)));
    }

    private static byte[] SignatureOf(byte[] data, RSA key, string alg) => alg switch
    {
        "RS384" => key.SignData(data, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
        "RS512" => key.SignData(data, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
        "PS256" => key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        _ => key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
    };

    /// <summary>A networkless verifier with the instance's PEM key, issuer and authorized party, on the fixed clock.</summary>
    public static ClerkTokenVerifier PemVerifier(Action<ClerkTokenVerifierOptions>? configure = null, FakeTimeProvider? time = null)
    {
        var options = new ClerkTokenVerifierOptions
        {
            JwtKey = PemA,
            Issuer = Issuer,
            AuthorizedParties = { Party },
            TimeProvider = time ?? Clock(),
        };
        configure?.Invoke(options);
        return new ClerkTokenVerifier(options);
    }

    /// <summary>A JWK of an RSA public key.</summary>
    public static Dictionary<string, object?> Jwk(string kid, RSA key)
    {
        var p = key.ExportParameters(false);
        return new() { ["kid"] = kid, ["kty"] = "RSA", ["alg"] = "RS256", ["use"] = "sig", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!) };
    }

    public static string JwksJson(params (string Kid, RSA Key)[] keys)
    {
        var list = new List<object>();
        foreach (var (kid, key) in keys)
        {
            list.Add(Jwk(kid, key));
        }
        return Json(new { keys = list });
    }
}
