using System;
using System.Collections.Concurrent;
using System.Threading;

namespace Clerk.Http;

/// <summary>
/// The cancellation sources that time out calls (the overall <see cref="ClerkClientOptionsBase.Timeout"/>) or attempts
/// (<see cref="ClerkRetryOptions.PerTryTimeout"/>) for one handler, reused across calls: a source that did not fire is
/// reset (<see cref="CancellationTokenSource.TryReset"/>, which also drops its registrations) and lent again, so a
/// call re-arms an existing timer instead of creating and disposing one (a timer per timeout per call was the largest
/// cost of the SDK over a raw HttpClient call). Timers come from the <see cref="TimeProvider"/>; a source that fired
/// is disposed, never reused, and so is one on a TimeProvider other than the system's (the runtime resets only its
/// own timers: a test clock gets a fresh source per lease).
/// </summary>
internal sealed class ClerkTimeoutSources
{
    /// <summary>How many idle sources are kept (more concurrent calls simply create and dispose their own).</summary>
    private const int MaxIdle = 64;

    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<CancellationTokenSource> _idle = new();
    private int _idleCount;

    /// <summary>Sources that cancel <paramref name="timeout"/> after they are lent (none when it is infinite).</summary>
    public ClerkTimeoutSources(TimeSpan timeout, TimeProvider time)
    {
        _timeout = timeout;
        _time = time;
    }

    /// <summary>A source armed for the timeout, given back when the lease is disposed; an empty lease when the timeout is infinite.</summary>
    public Lease Rent()
    {
        if (_timeout == Timeout.InfiniteTimeSpan)
        {
            return default;
        }
        if (_idle.TryDequeue(out var source))
        {
            Interlocked.Decrement(ref _idleCount);
        }
        else
        {
            source = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        }
        source.CancelAfter(_timeout);
        return new Lease(this, source);
    }

    private void Return(CancellationTokenSource source)
    {
        // TryReset fails for a source that fired (or is firing): that one is disposed.
        if (source.TryReset())
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
            {
                _idle.Enqueue(source);
                return;
            }
            Interlocked.Decrement(ref _idleCount);
        }
        source.Dispose();
    }

    /// <summary>One lent source (or none); disposing it gives the source back.</summary>
    internal readonly struct Lease : IDisposable
    {
        private readonly ClerkTimeoutSources? _owner;

        internal Lease(ClerkTimeoutSources owner, CancellationTokenSource source)
        {
            _owner = owner;
            Source = source;
        }

        /// <summary>The armed source, or null when there is no timeout.</summary>
        public CancellationTokenSource? Source { get; }

        public void Dispose()
        {
            if (Source is not null)
            {
                _owner!.Return(Source);
            }
        }
    }
}
