namespace Clerk.Authentication;

/// <summary>The kind of one Clerk token (what a verified token was). A set of kinds, such as the kinds a verifier
/// accepts, is the flags enum <see cref="ClerkTokenTypes"/>: singular for one value, plural for a set, as the .NET
/// naming guidelines name enums.</summary>
public enum ClerkTokenType
{
    /// <summary>A session token (RS256 JWT issued by the Frontend API, <c>__session</c> cookie or Bearer header).</summary>
    SessionToken,

    /// <summary>An API key (<c>ak_...</c>), verified through the Backend API.</summary>
    ApiKey,

    /// <summary>A machine-to-machine token: opaque (<c>mt_...</c>, Backend API) or a JWT whose <c>sub</c> starts with <c>mch_</c> (verified locally).</summary>
    M2MToken,

    /// <summary>An OAuth access token: opaque (<c>oat_...</c>, Backend API) or a JWT with <c>typ: at+jwt</c> (verified locally).</summary>
    OAuthToken,
}
