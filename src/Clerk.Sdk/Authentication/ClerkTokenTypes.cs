using System;

namespace Clerk.Authentication;

/// <summary>A set of token kinds, such as those a verifier accepts (<see cref="ClerkTokenVerifierOptions.AcceptedTokenTypes"/>);
/// one kind is <see cref="ClerkTokenType"/>.</summary>
[Flags]
public enum ClerkTokenTypes
{
    /// <summary>No token kind.</summary>
    None = 0,

    /// <summary>Session tokens.</summary>
    SessionToken = 1,

    /// <summary>API keys (<c>ak_</c>).</summary>
    ApiKey = 2,

    /// <summary>M2M tokens (<c>mt_</c> or M2M JWTs).</summary>
    M2MToken = 4,

    /// <summary>OAuth access tokens (<c>oat_</c> or <c>at+jwt</c> JWTs).</summary>
    OAuthToken = 8,

    /// <summary>Every machine token kind.</summary>
    MachineTokens = ApiKey | M2MToken | OAuthToken,

    /// <summary>Every token kind.</summary>
    Any = SessionToken | MachineTokens,
}
