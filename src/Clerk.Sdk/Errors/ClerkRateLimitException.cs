using System;
using System.Collections.Generic;

namespace Clerk;

/// <summary>Clerk answered 429 Too Many Requests and the SDK's retries are exhausted (or disabled).</summary>
public class ClerkRateLimitException : ClerkApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="response">The response body.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="retryAfter">How long Clerk asked to wait, if it said.</param>
    /// <param name="attempts">How many attempts the SDK made.</param>
    public ClerkRateLimitException(string message, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, TimeSpan? retryAfter, int attempts)
        : base(message, 429, response, headers, null, attempts)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long Clerk asked to wait (the Retry-After header), if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
