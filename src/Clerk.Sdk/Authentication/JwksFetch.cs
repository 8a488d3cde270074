using System;
using Clerk.BackendApi;

namespace Clerk.Authentication;

/// <summary>What a <see cref="JwksKeyStore"/> needs from the verifier asking it: the client, the clock and the cache settings.</summary>
internal sealed class JwksFetch
{
    public JwksFetch(IJwksClient client, TimeProvider time, TimeSpan cacheDuration, TimeSpan refetchInterval)
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
