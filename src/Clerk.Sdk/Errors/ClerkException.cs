using System;

namespace Clerk;

/// <summary>The root of every exception the Clerk SDK throws.</summary>
public class ClerkException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong; never contains a secret.</param>
    public ClerkException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong; never contains a secret.</param>
    /// <param name="innerException">The cause.</param>
    public ClerkException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
