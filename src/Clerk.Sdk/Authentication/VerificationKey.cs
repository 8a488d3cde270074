using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Clerk.Authentication;

/// <summary>
/// One public key, with a Microsoft.IdentityModel signature provider per algorithm that checks a JWS signature with
/// this key and that exact algorithm and nothing else (lifetime, issuer, party and session rules are Clerk rules,
/// checked by the verifier, which has already read the token strictly and admitted the algorithm against its own
/// allow-list). The token is not parsed a second time by a JWT handler: the provider verifies the signature over the
/// signing input the verifier already split.
/// </summary>
internal sealed class VerificationKey
{
    private readonly ConcurrentDictionary<string, SignatureProvider> _providers = new(StringComparer.Ordinal);

    public VerificationKey(SecurityKey key, string? jwkAlgorithm)
    {
        Key = key;
        JwkAlgorithm = jwkAlgorithm;
    }

    public SecurityKey Key { get; }

    /// <summary>The <c>alg</c> of the JWK when it names one: a token must then use exactly that algorithm.</summary>
    public string? JwkAlgorithm { get; }

    /// <summary>Whether the key's type fits the algorithm (RSA for RS*/PS*, EC for ES*).</summary>
    public bool Fits(string algorithm) => Key switch
    {
        RsaSecurityKey => algorithm.StartsWith("RS", StringComparison.Ordinal) || algorithm.StartsWith("PS", StringComparison.Ordinal),
        ECDsaSecurityKey => algorithm.StartsWith("ES", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// Whether <paramref name="signature"/> (base64url) is this key's signature with <paramref name="algorithm"/> over
    /// <paramref name="signingInput"/> (ASCII). Throws <see cref="NotSupportedException"/> (or another
    /// Microsoft.IdentityModel exception) when the key cannot verify that algorithm (e.g. an RSA key under 1024 bits).
    /// </summary>
    public bool Verify(string algorithm, ReadOnlySpan<char> signingInput, ReadOnlySpan<char> signature)
    {
        // Created once per algorithm and kept with the key (thread-safe: it pools its own crypto objects).
        var provider = _providers.GetOrAdd(algorithm, static (alg, key) => key.CryptoProviderFactory.CreateForVerifying(key, alg, cacheProvider: false), Key);
        var signatureBytes = Base64UrlSegment.Decode(signature);
        var input = ArrayPool<byte>.Shared.Rent(signingInput.Length);
        try
        {
            var length = Encoding.ASCII.GetBytes(signingInput, input);
            return provider.Verify(input, 0, length, signatureBytes, 0, signatureBytes.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }
}
