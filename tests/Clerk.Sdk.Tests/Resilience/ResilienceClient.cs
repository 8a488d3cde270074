using System;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Sdk.Tests.Resilience;

/// <summary>Clients for the fault-injection suite: deterministic backoff (no jitter) on fake time.</summary>
internal static class ResilienceClient
{
    public const string SecretKey = "sk_test_R3s1l13nc3K3yV4lu3N0tF0rL0gs";

    public static ClerkClientOptions Options(string baseUrl, FakeTimeProvider time, ILoggerFactory? logs = null) => new()
    {
        SecretKey = SecretKey,
        ApiUrl = baseUrl,
        TimeProvider = time,
        LoggerFactory = logs,
        Timeout = Timeout.InfiniteTimeSpan,
        Retry = new ClerkRetryOptions
        {
            MaxRetries = 3,
            BaseDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(8),
            Jitter = 0,
            MaxElapsedTime = TimeSpan.FromSeconds(60),
            PerTryTimeout = Timeout.InfiniteTimeSpan,
        },
    };
}
