using System;
using Clerk.BackendApi;

namespace Clerk.Authentication;

/// <summary>The settings of one JWKS fetch: what a <see cref="JwksKeyStore"/> needs from the verifier asking it (the client, the clock, how long keys are cached and how soon an unknown kid may refetch).</summary>
internal sealed class JwksFetchSettings
{
    public JwksFetchSettings(IJwksClient client, TimeProvider time, TimeSpan cacheDuration, TimeSpan refetchInterval)
    {
        Client = client;
        Time = time;
        CacheDuration = cacheDuration;
        RefetchInterval = refetchInterval;
    }

    public IJwksClient Client { get; }

    public TimeProvider Time { get; }

    public TimeSpan CacheDuration { get; }

    public TimeSpan RefetchInterval { get; }
}
