namespace Clerk.Authentication;

/// <summary>Why a token was rejected (machine-readable; see <see cref="ClerkTokenException.Reason"/>).</summary>
public enum ClerkTokenFailureReason
{
    /// <summary>The token is not a well-formed JWT: segment count, base64url, JSON object, UTF-8, nesting, duplicate members, or a header member of the wrong type.</summary>
    Malformed,

    /// <summary>The token is longer than <see cref="ClerkTokenVerifierOptions.MaxTokenLength"/>; it was not decoded.</summary>
    TokenTooLarge,

    /// <summary>The header's <c>alg</c> is missing, not a string, <c>none</c>, symmetric, or not in <see cref="ClerkTokenVerifierOptions.AllowedAlgorithms"/>.</summary>
    UnsupportedAlgorithm,

    /// <summary>The header lists <c>crit</c> extensions; none are supported, so the token is rejected (RFC 7515 §4.1.11).</summary>
    UnsupportedCriticalHeader,

    /// <summary>The header's <c>typ</c> is not the one this kind of token carries.</summary>
    InvalidType,

    /// <summary>The signature does not verify with the instance's key (including empty or truncated signatures).</summary>
    InvalidSignature,

    /// <summary>The header has no <c>kid</c>, or the instance's JWKS has no key with that <c>kid</c> (after at most one rate-limited refetch).</summary>
    UnknownKid,

    /// <summary>The instance's keys could not be loaded (JWKS request failed or returned no usable key).</summary>
    KeysUnavailable,

    /// <summary>The token expired (<c>exp</c> is not after now minus the clock skew).</summary>
    Expired,

    /// <summary>The token's <c>nbf</c> is after now plus the clock skew.</summary>
    NotYetValid,

    /// <summary>The token's <c>iat</c> is after now plus the clock skew.</summary>
    IssuedInTheFuture,

    /// <summary>A registered claim is missing or of the wrong type (<c>exp</c>, <c>sub</c>, <c>nbf</c>, <c>iat</c>, <c>azp</c>, <c>fea</c>, ...).</summary>
    InvalidClaim,

    /// <summary>The <c>azp</c> claim is absent or not one of <see cref="ClerkTokenVerifierOptions.AuthorizedParties"/>.</summary>
    UnauthorizedParty,

    /// <summary>The <c>iss</c> claim is missing, not https, or not the instance's Frontend API URL.</summary>
    InvalidIssuer,

    /// <summary>The session is pending (<c>sts: pending</c>, e.g. an organization must still be chosen) and pending sessions are not accepted.</summary>
    SessionPending,

    /// <summary>The session status claim (<c>sts</c>) is neither <c>active</c> nor <c>pending</c>.</summary>
    SessionNotActive,

    /// <summary>The token is of another kind than the one verified (a machine token on the session path, or the reverse).</summary>
    WrongTokenType,

    /// <summary>The token's type is not in <see cref="ClerkTokenVerifierOptions.AcceptedTokenTypes"/>; it was rejected without a network call.</summary>
    TokenTypeNotAccepted,

    /// <summary>The request carried no token (no <c>Authorization: Bearer</c> header and no <c>__session</c> cookie).</summary>
    MissingToken,

    /// <summary>Clerk does not know the machine token (API key, M2M token or OAuth access token).</summary>
    TokenNotFound,

    /// <summary>Clerk reports the machine token as revoked.</summary>
    Revoked,

    /// <summary>The Backend API rejected the secret key used to verify a machine token or load keys.</summary>
    InvalidSecretKey,

    /// <summary>The Backend API call verifying a machine token failed (network, timeout, unexpected status), or its answer lacked the token's <c>object</c>, <c>id</c> or <c>subject</c>.</summary>
    VerificationUnavailable,

    /// <summary>Clerk reports the OAuth access token as not active (<c>active: false</c>) without saying it was revoked or expired.</summary>
    Inactive,

    /// <summary>The token's <c>aud</c> names none of <see cref="ClerkTokenVerifierOptions.Audience"/>.</summary>
    InvalidAudience,
}
