using System;

namespace Clerk;

/// <summary>The SDK was configured with a missing or malformed value (secret key, URL, version).</summary>
public class ClerkConfigurationException : ClerkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which setting is wrong and how to fix it; never the secret itself.</param>
    public ClerkConfigurationException(string message)
        : base(message)
    {
    }
}
