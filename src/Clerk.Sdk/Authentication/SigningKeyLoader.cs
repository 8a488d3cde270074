using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Clerk.BackendApi;
using Microsoft.IdentityModel.Tokens;

namespace Clerk.Authentication;

/// <summary>Builds public verification keys from a PEM (<c>JwtKey</c>) or a JWKS; never imports private key material.</summary>
internal static class SigningKeyLoader
{
    public const int MinimumRsaKeySize = 2048;

    public static VerificationKey FromPem(string pem)
    {
        if (!pem.Contains("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal) && !pem.Contains("-----BEGIN RSA PUBLIC KEY-----", StringComparison.Ordinal))
        {
            throw new ClerkConfigurationException("ClerkTokenVerifierOptions.JwtKey must be a PEM public key (-----BEGIN PUBLIC KEY-----); the value is not shown.");
        }
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            if (rsa.KeySize < MinimumRsaKeySize)
            {
                throw new ClerkConfigurationException($"ClerkTokenVerifierOptions.JwtKey is a {rsa.KeySize}-bit RSA key; at least {MinimumRsaKeySize} bits are required.");
            }
            return new VerificationKey(new RsaSecurityKey(rsa.ExportParameters(false)), null);
        }
        catch (CryptographicException)
        {
            // Not RSA: an EC key (ES256 and friends, when allowed).
        }
        catch (ArgumentException)
        {
        }
        try
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return new VerificationKey(new ECDsaSecurityKey(ec), null);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw new ClerkConfigurationException("ClerkTokenVerifierOptions.JwtKey could not be read as an RSA or EC public key in PEM; the value is not shown.");
        }
    }

    /// <summary>The usable signing keys of a JWKS by <c>kid</c>: RSA (2048 bits or more) and EC P-256/384/521, <c>use</c> absent or <c>sig</c>.</summary>
    public static Dictionary<string, VerificationKey> FromJwks(Jwks? jwks)
    {
        var keys = new Dictionary<string, VerificationKey>(StringComparer.Ordinal);
        foreach (var jwk in jwks?.Keys ?? Array.Empty<JwksKeysItem>())
        {
            if (jwk is null || string.IsNullOrEmpty(jwk.Kid) || (jwk.Use is not null && jwk.Use != "sig") || keys.ContainsKey(jwk.Kid))
            {
                continue;
            }
            var key = TryCreate(jwk);
            if (key is not null)
            {
                key.KeyId = jwk.Kid;
                keys[jwk.Kid] = new VerificationKey(key, string.IsNullOrEmpty(jwk.Alg) ? null : jwk.Alg);
            }
        }
        return keys;
    }

    private static SecurityKey? TryCreate(JwksKeysItem jwk)
    {
        try
        {
            if (jwk.Kty == JwksKeysItemKty.Rsa && !string.IsNullOrEmpty(jwk.N) && !string.IsNullOrEmpty(jwk.E))
            {
                var parameters = new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(jwk.N), Exponent = Base64UrlEncoder.DecodeBytes(jwk.E) };
                var modulusBits = parameters.Modulus.Length * 8 - LeadingZeroBits(parameters.Modulus);
                return modulusBits < MinimumRsaKeySize ? null : new RsaSecurityKey(parameters);
            }
            if (jwk.Kty == JwksKeysItemKty.Ec && !string.IsNullOrEmpty(jwk.X) && !string.IsNullOrEmpty(jwk.Y))
            {
                var curve = jwk.Crv switch
                {
                    "P-256" => ECCurve.NamedCurves.nistP256,
                    "P-384" => ECCurve.NamedCurves.nistP384,
                    "P-521" => ECCurve.NamedCurves.nistP521,
                    _ => (ECCurve?)null,
                };
                if (curve is null)
                {
                    return null;
                }
                var ec = ECDsa.Create(new ECParameters { Curve = curve.Value, Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(jwk.X), Y = Base64UrlEncoder.DecodeBytes(jwk.Y) } });
                return new ECDsaSecurityKey(ec);
            }
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            // An unusable key is skipped; tokens naming its kid are rejected as UnknownKid.
        }
        return null;
    }

    private static int LeadingZeroBits(byte[] bigEndian)
    {
        var bits = 0;
        foreach (var b in bigEndian)
        {
            if (b == 0)
            {
                bits += 8;
                continue;
            }
            return bits + System.Numerics.BitOperations.LeadingZeroCount((uint)b) - 24;
        }
        return bits;
    }
}
