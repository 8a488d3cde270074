using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace Clerk.Authentication;

/// <summary>
/// One public key, with Microsoft.IdentityModel validation parameters per algorithm that check the signature with this
/// key and that exact algorithm and nothing else (lifetime, issuer, party and session rules are Clerk rules, checked by
/// the verifier). The verifier has already admitted the algorithm against its own allow-list.
/// </summary>
internal sealed class VerificationKey
{
    private readonly ConcurrentDictionary<string, TokenValidationParameters> _parameters = new(System.StringComparer.Ordinal);

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
        RsaSecurityKey => algorithm.StartsWith("RS", System.StringComparison.Ordinal) || algorithm.StartsWith("PS", System.StringComparison.Ordinal),
        ECDsaSecurityKey => algorithm.StartsWith("ES", System.StringComparison.Ordinal),
        _ => false,
    };

    public TokenValidationParameters ParametersFor(string algorithm) => _parameters.GetOrAdd(algorithm, static (alg, key) => new TokenValidationParameters
    {
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = true,
        ValidAlgorithms = [alg],
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = false,
        ValidateIssuer = false,
        ValidateAudience = false,
        ValidateLifetime = false,
        RequireExpirationTime = false,
        ValidateTokenReplay = false,
        SaveSigninToken = false,
    }, Key);
}
