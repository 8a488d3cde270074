using System;

namespace Clerk;

/// <summary>Clerk could not be reached (connection refused or reset, DNS failure, TLS error), after any retries.</summary>
public class ClerkConnectionException : ClerkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="innerException">The network error.</param>
    public ClerkConnectionException(string message, int attempts, Exception? innerException)
        : base(message, innerException)
    {
        Attempts = attempts;
    }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }
}
