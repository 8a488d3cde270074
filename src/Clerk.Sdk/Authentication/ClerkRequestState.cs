namespace Clerk.Authentication;

/// <summary>Who is calling: the result of <see cref="ClerkTokenVerifier.AuthenticateRequestAsync(System.Net.Http.HttpRequestMessage, System.Threading.CancellationToken)"/>.</summary>
public sealed class ClerkRequestState
{
    private ClerkRequestState(bool isSignedIn, ClerkTokenType? tokenType, ClerkSessionClaims? session, ClerkMachineAuth? machine, ClerkTokenFailureReason? reason, string? message)
    {
        IsSignedIn = isSignedIn;
        TokenType = tokenType;
        Session = session;
        Machine = machine;
        Reason = reason;
        Message = message;
    }

    /// <summary>True when a token was found and verified.</summary>
    public bool IsSignedIn { get; }

    /// <summary>The kind of token found (also when it was rejected), or null when there was none.</summary>
    public ClerkTokenType? TokenType { get; }

    /// <summary>The session claims, when signed in with a session token.</summary>
    public ClerkSessionClaims? Session { get; }

    /// <summary>The machine token, when signed in with an API key, M2M token or OAuth access token.</summary>
    public ClerkMachineAuth? Machine { get; }

    /// <summary>Why the request is signed out; null when signed in.</summary>
    public ClerkTokenFailureReason? Reason { get; }

    /// <summary>An explanation of <see cref="Reason"/> (never token content or secrets).</summary>
    public string? Message { get; }

    /// <summary>The user id (session tokens) or machine subject, when signed in.</summary>
    public string? Subject => Session?.UserId ?? Machine?.Subject;

    internal static ClerkRequestState SignedIn(ClerkSessionClaims session) => new(true, ClerkTokenType.SessionToken, session, null, null, null);

    internal static ClerkRequestState SignedIn(ClerkMachineAuth machine) => new(true, machine.TokenType, null, machine, null, null);

    internal static ClerkRequestState SignedOut(ClerkTokenType? tokenType, ClerkTokenFailureReason reason, string message) => new(false, tokenType, null, null, reason, message);

    /// <summary>Returns the state, kind and reason (never the token).</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => IsSignedIn ? $"SignedIn({TokenType}, {Subject})" : $"SignedOut({TokenType?.ToString() ?? "no token"}, {Reason})";
}
