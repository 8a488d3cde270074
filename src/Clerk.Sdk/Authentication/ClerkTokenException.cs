using System;

namespace Clerk.Authentication;

/// <summary>
/// A token was rejected. <see cref="Reason"/> says why; the message explains it without the token, the key or any
/// claim value taken from the token.
/// </summary>
public class ClerkTokenException : ClerkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the token was rejected.</param>
    /// <param name="message">An explanation that contains no secret and no token content.</param>
    public ClerkTokenException(ClerkTokenFailureReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="reason">Why the token was rejected.</param>
    /// <param name="message">An explanation that contains no secret and no token content.</param>
    /// <param name="innerException">The cause (a failed JWKS or verify call).</param>
    public ClerkTokenException(ClerkTokenFailureReason reason, string message, Exception? innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>Why the token was rejected.</summary>
    public ClerkTokenFailureReason Reason { get; }

    /// <summary>The kind of token that was being verified, when known.</summary>
    public ClerkTokenType? TokenType { get; init; }
}
