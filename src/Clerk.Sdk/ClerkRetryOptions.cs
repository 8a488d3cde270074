using System;

namespace Clerk;

/// <summary>
/// Retry policy of the SDK's HTTP pipeline. Defaults are bounded: 3 retries, 0.5 s base delay doubling up to 8 s,
/// 20 % jitter, and no retry that would end later than 30 s after the first attempt started.
/// Retried: 408, 429, 500, 502, 503, 504 and network failures. GET, HEAD, OPTIONS, PUT and DELETE are retried on all
/// of them; POST and PATCH only when the request provably did not reach Clerk (connection refused, DNS failure) or
/// on a 429 that carries Retry-After, unless <see cref="RetryNonIdempotentRequests"/> is set.
/// </summary>
public sealed class ClerkRetryOptions
{
    /// <summary>Retries after the first attempt (0 disables retries). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Delay before the first retry; each further retry doubles it. Default 0.5 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of one delay, including a server's Retry-After. Default 8 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Random spread of each backoff delay, as a fraction (0.2 = ±20 %). Default 0.2.</summary>
    public double Jitter { get; set; } = 0.2;

    /// <summary>No retry starts if it would end later than this after the first attempt began. Default 30 s.</summary>
    public TimeSpan MaxElapsedTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one attempt (the overall call timeout is <see cref="ClerkClientOptionsBase.Timeout"/>). Default 30 s.</summary>
    public TimeSpan PerTryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Also retry POST and PATCH after a timeout or a 5xx (they may then run twice). Default false.</summary>
    public bool RetryNonIdempotentRequests { get; set; }

    /// <summary>Checks the values; called when a client is built.</summary>
    /// <exception cref="ClerkConfigurationException">A value is out of range.</exception>
    public void Validate()
    {
        if (MaxRetries is < 0 or > 10) throw new ClerkConfigurationException($"ClerkRetryOptions.MaxRetries must be 0..10 (got {MaxRetries}).");
        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay) throw new ClerkConfigurationException("ClerkRetryOptions: BaseDelay must be >= 0 and MaxDelay >= BaseDelay.");
        if (Jitter is < 0 or > 1) throw new ClerkConfigurationException($"ClerkRetryOptions.Jitter must be 0..1 (got {Jitter}).");
        if (PerTryTimeout <= TimeSpan.Zero && PerTryTimeout != System.Threading.Timeout.InfiniteTimeSpan) throw new ClerkConfigurationException("ClerkRetryOptions.PerTryTimeout must be positive.");
    }

    /// <summary>A description of the policy.</summary>
    /// <returns>The settings.</returns>
    public override string ToString() => $"{MaxRetries} retries, {BaseDelay.TotalSeconds:0.###} s..{MaxDelay.TotalSeconds:0.###} s, cap {MaxElapsedTime.TotalSeconds:0.###} s";
}
