using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clerk.BackendApi;
using Clerk.Testing.Store;

namespace Clerk.Testing.Tokens;

/// <summary>
/// Signs session tokens as Clerk does: RS256 with the fake's own 2048-bit RSA key, <c>kid</c> published on its
/// <c>/jwks</c>, claims <c>sub</c>, <c>sid</c>, <c>iss</c> (the fake's Frontend API URL), <c>iat</c>, <c>nbf</c>,
/// <c>exp</c>, <c>v: 2</c>, <c>sts</c>, optional <c>azp</c> and the v2 organization claims.
/// </summary>
internal sealed class SessionTokenSigner : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly TimeProvider _time;

    public SessionTokenSigner(string issuer, TimeProvider time)
    {
        Issuer = issuer;
        _time = time;
        KeyId = "ins_" + ClerkIds.Random(27);
    }

    public string Issuer { get; }

    public string KeyId { get; }

    /// <summary>The public key in PEM (for a networkless verifier: <c>ClerkTokenVerifierOptions.JwtKey</c>).</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>The public key as the <c>/jwks</c> entry.</summary>
    public JwksKeysItem Jwk()
    {
        var parameters = _key.ExportParameters(false);
        return new JwksKeysItem
        {
            Kid = KeyId,
            Alg = "RS256",
            Use = "sig",
            Kty = JwksKeysItemKty.Rsa,
            N = Base64Url(parameters.Modulus!),
            E = Base64Url(parameters.Exponent!),
        };
    }

    public string Sign(string userId, string sessionId, FakeOrganizationClaims? organization, FakeSessionTokenOptions options)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var claims = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in options.AdditionalClaims)
        {
            claims[name] = value;
        }
        var lifetime = (long)options.Lifetime.TotalSeconds;
        if (options.ValidFrom is { } validFrom)
        {
            var from = validFrom.ToUnixTimeSeconds();
            claims["exp"] = from + lifetime;
            claims["iat"] = from;
            claims["nbf"] = from;
        }
        else
        {
            // An expired token (zero or negative lifetime) was issued a minute before it expired, as a real one.
            var issuedAt = lifetime > 0 ? now : now + lifetime - 60;
            claims["exp"] = now + lifetime;
            claims["iat"] = issuedAt;
            claims["nbf"] = issuedAt - 10;
        }
        claims["iss"] = Issuer;
        claims["sid"] = sessionId;
        claims["sts"] = options.Status.Value.Length == 0 ? "active" : options.Status.Value;
        claims["sub"] = userId;
        claims["v"] = 2;
        if (options.AuthorizedParty is not null)
        {
            claims["azp"] = options.AuthorizedParty;
        }
        if (organization is not null)
        {
            var (o, features) = OrganizationClaimsEncoder.Encode(organization);
            claims["o"] = o;
            if (features is not null)
            {
                claims["fea"] = features;
            }
        }
        return SignPayload(claims);
    }

    /// <summary>A JWT of <paramref name="payload"/> signed with the instance's key (the Frontend API's handshake token).</summary>
    public string SignPayload(object payload)
    {
        var header = new Dictionary<string, string> { ["alg"] = "RS256", ["kid"] = KeyId, ["typ"] = "JWT" };
        var input = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url(signature);
    }

    /// <summary>Whether <paramref name="token"/> carries this key's signature; its payload when it does (expired or not).</summary>
    public JsonElement? VerifySignature(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            var signature = Convert.FromBase64String(Pad(parts[2]));
            if (!_key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) return null;
            return JsonDocument.Parse(Convert.FromBase64String(Pad(parts[1]))).RootElement.Clone();
        }
        catch (Exception ex) when (ex is FormatException or JsonException or CryptographicException)
        {
            return null;
        }

        static string Pad(string segment)
        {
            var base64 = segment.Replace('-', '+').Replace('_', '/');
            return base64 + new string('=', (4 - base64.Length % 4) % 4);
        }
    }

    public void Dispose() => _key.Dispose();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
