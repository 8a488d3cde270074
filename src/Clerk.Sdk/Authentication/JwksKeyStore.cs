using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Clerk.BackendApi;

namespace Clerk.Authentication;

/// <summary>
/// The JWKS of one Clerk instance, shared by every verifier of that instance in the process.
/// <list type="bullet">
/// <item>Keyed by the instance: a hash of the Backend API URL and the secret key, never by <c>kid</c> alone, so a key of
/// instance A can never verify a token presented to a verifier of instance B, even when both use the same <c>kid</c>.</item>
/// <item>Cached for <see cref="ClerkTokenVerifierOptions.JwksCacheDuration"/>; a token with a <c>kid</c> the set lacks causes one
/// refetch, at most once per <see cref="ClerkTokenVerifierOptions.JwksRefetchInterval"/>.</item>
/// <item>Single-flight: all verifications that need a fetch while one is running wait for that one request.</item>
/// <item>A refetch replaces the set, so a key Clerk removed stops verifying at once.</item>
/// </list>
/// </summary>
internal sealed class JwksKeyStore
{
    private static readonly ConcurrentDictionary<string, JwksKeyStore> Stores = new(StringComparer.Ordinal);

    private readonly object _gate = new();
    private JwksKeySet? _current;
    private Task<JwksKeySet>? _inflight;
    private DateTimeOffset? _lastFetchStartedAt;

    private JwksKeyStore()
    {
    }

    /// <summary>The store of an instance; the secret key is only hashed, never kept here.</summary>
    public static JwksKeyStore For(string apiBaseUrl, string? secretKey) => Stores.GetOrAdd(InstanceId(apiBaseUrl, secretKey), static _ => new JwksKeyStore());

    public static string InstanceId(string apiBaseUrl, string? secretKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiBaseUrl.TrimEnd('/') + "\n" + (secretKey ?? string.Empty))));

    public async ValueTask<VerificationKey> GetKeyAsync(string kid, JwksFetchSettings fetch, CancellationToken cancellationToken)
    {
        var now = fetch.Time.GetUtcNow();
        var current = Volatile.Read(ref _current);
        var fresh = current is not null && now - current.FetchedAt < fetch.CacheDuration;
        if (fresh && current!.Keys.TryGetValue(kid, out var cached))
        {
            return cached;
        }
        Task<JwksKeySet> flight;
        lock (_gate)
        {
            // Re-read under the lock: another caller may have just replaced the set.
            current = _current;
            fresh = current is not null && now - current.FetchedAt < fetch.CacheDuration;
            if (fresh && current!.Keys.TryGetValue(kid, out cached))
            {
                return cached;
            }
            if (_inflight is null)
            {
                // A fresh set without this kid: refetch at most once per interval (a made-up kid must not cost a request each).
                if (fresh && _lastFetchStartedAt is { } last && now - last < fetch.RefetchInterval)
                {
                    throw UnknownKid();
                }
                _lastFetchStartedAt = now;
                _inflight = StartFetch(fetch);
            }
            flight = _inflight;
        }
        var set = await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
        return set.Keys.TryGetValue(kid, out var key) ? key : throw UnknownKid();
    }

    private Task<JwksKeySet> StartFetch(JwksFetchSettings fetch)
    {
        var completion = new TaskCompletionSource<JwksKeySet>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            try
            {
                // Not the caller's token: the one request serves every waiter; the client's own timeout bounds it.
                var jwks = await fetch.Client.GetAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
                var keys = SigningKeyLoader.FromJwks(jwks);
                if (keys.Count == 0)
                {
                    throw new ClerkTokenException(ClerkTokenFailureReason.KeysUnavailable, "The instance's JWKS has no usable signing key (RSA of at least 2048 bits or EC with use 'sig').");
                }
                var set = new JwksKeySet(keys, fetch.Time.GetUtcNow());
                lock (_gate)
                {
                    _current = set;
                    _inflight = null;
                }
                completion.SetResult(set);
            }
            catch (Exception ex)
            {
                lock (_gate)
                {
                    _inflight = null;
                }
                completion.SetException(ex is ClerkTokenException
                    ? ex
                    : new ClerkTokenException(ClerkTokenFailureReason.KeysUnavailable, "The instance's JWKS could not be loaded from the Backend API (GET /jwks): " + ex.GetType().Name + ".", ex));
            }
        });
        return completion.Task;
    }

    private static ClerkTokenException UnknownKid() =>
        new(ClerkTokenFailureReason.UnknownKid, "No key of the instance's JWKS has the token's kid (the JWKS was refetched at most once per refetch interval).");
}
