using System;
using System.Collections.Generic;
using System.Linq;

namespace Clerk.Authentication;

/// <summary>
/// Who is calling: the result of <see cref="ClerkTokenVerifier.AuthenticateRequestAsync(ClerkAuthenticationRequest, System.Threading.CancellationToken)"/>
/// and its overloads. <see cref="Status"/> is signed in, signed out, or (a page request whose cookie must be refreshed)
/// a handshake: send <see cref="Headers"/> with a redirect to <see cref="RedirectLocation"/>.
/// </summary>
public sealed class ClerkRequestState
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> NoHeaders = Array.Empty<KeyValuePair<string, string>>();

    private ClerkRequestState(ClerkAuthStatus status, ClerkTokenType? tokenType, ClerkSessionClaims? session, ClerkMachineAuth? machine, ClerkTokenFailureReason? reason,
        string? authReason, string? message, IReadOnlyList<KeyValuePair<string, string>>? headers)
    {
        Status = status;
        TokenType = tokenType;
        Session = session;
        Machine = machine;
        Reason = reason;
        AuthReason = authReason;
        Message = message;
        Headers = headers ?? NoHeaders;
    }

    /// <summary>Signed in, signed out, or a handshake to perform.</summary>
    public ClerkAuthStatus Status { get; }

    /// <summary>True when a token was found and verified (<see cref="Status"/> is <see cref="ClerkAuthStatus.SignedIn"/>).</summary>
    public bool IsSignedIn => Status == ClerkAuthStatus.SignedIn;

    /// <summary>The kind of token found (also when it was rejected), or null when there was none.</summary>
    public ClerkTokenType? TokenType { get; }

    /// <summary>The session claims, when signed in with a session token.</summary>
    public ClerkSessionClaims? Session { get; }

    /// <summary>The machine token, when signed in with an API key, M2M token or OAuth access token.</summary>
    public ClerkMachineAuth? Machine { get; }

    /// <summary>Why the request is not signed in; null when signed in.</summary>
    public ClerkTokenFailureReason? Reason { get; }

    /// <summary>
    /// The reason as Clerk's own SDKs report it (<c>session-token-and-uat-missing</c>, <c>session-token-iat-before-client-uat</c>,
    /// <c>token-expired</c>, <c>dev-browser-missing</c>, ...); also set for a handshake. Null when signed in.
    /// </summary>
    public string? AuthReason { get; }

    /// <summary>An explanation of <see cref="Reason"/> (never token content or secrets).</summary>
    public string? Message { get; }

    /// <summary>
    /// Headers to add to the response: for a handshake the <c>Location</c> to redirect to, <c>Cache-Control: no-store</c> and
    /// the redirect-loop counter cookie; after a handshake came back, the cookies it set (<c>Set-Cookie</c>); and
    /// <c>x-clerk-auth-status</c>/<c>x-clerk-auth-reason</c> as Clerk's SDKs send them. Empty for a plain signed-in request.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The <c>Location</c> of <see cref="Headers"/>: where a handshake (or a satellite sync) redirects the browser; else null.</summary>
    public string? RedirectLocation => Headers.FirstOrDefault(h => string.Equals(h.Key, "Location", StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The user id (session tokens) or machine subject, when signed in.</summary>
    public string? Subject => Session?.UserId ?? Machine?.Subject;

    internal static ClerkRequestState SignedIn(ClerkSessionClaims session, IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
        new(ClerkAuthStatus.SignedIn, ClerkTokenType.SessionToken, session, null, null, null, null, headers);

    internal static ClerkRequestState SignedIn(ClerkMachineAuth machine) => new(ClerkAuthStatus.SignedIn, machine.TokenType, null, machine, null, null, null, null);

    internal static ClerkRequestState SignedOut(ClerkTokenType? tokenType, ClerkTokenFailureReason reason, string message) =>
        new(ClerkAuthStatus.SignedOut, tokenType, null, null, reason, ClerkAuthReasons.Of(reason), message, null);

    internal static ClerkRequestState SignedOut(ClerkTokenType? tokenType, ClerkTokenFailureReason reason, string authReason, string message, IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
        new(ClerkAuthStatus.SignedOut, tokenType, null, null, reason, authReason, message, headers);

    internal static ClerkRequestState Handshake(ClerkTokenFailureReason reason, string authReason, string message, IReadOnlyList<KeyValuePair<string, string>> headers) =>
        new(ClerkAuthStatus.Handshake, ClerkTokenType.SessionToken, null, null, reason, authReason, message, headers);

    /// <summary>Returns the state, kind and reason (never the token).</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => Status switch
    {
        ClerkAuthStatus.SignedIn => $"SignedIn({TokenType}, {Subject})",
        ClerkAuthStatus.Handshake => $"Handshake({AuthReason})",
        _ => $"SignedOut({TokenType?.ToString() ?? "no token"}, {Reason})",
    };
}
