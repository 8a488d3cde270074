using System;

namespace Clerk;

/// <summary>
/// A call to Clerk did not finish within <see cref="ClerkClientOptionsBase.Timeout"/> (all attempts together) or an
/// attempt exceeded <see cref="ClerkRetryOptions.PerTryTimeout"/> with no retry left. Cancellation by the caller's
/// own token is an <see cref="OperationCanceledException"/> instead, so the two can be told apart.
/// </summary>
public class ClerkTimeoutException : ClerkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What timed out.</param>
    /// <param name="timeout">The limit that was reached.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="innerException">The cancellation that ended the call.</param>
    public ClerkTimeoutException(string message, TimeSpan timeout, int attempts, Exception? innerException)
        : base(message, innerException)
    {
        Timeout = timeout;
        Attempts = attempts;
    }

    /// <summary>The limit that was reached.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
