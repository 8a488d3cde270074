using System;
using System.Threading;
using Clerk.Http;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Http;

/// <summary>The reused timeout sources of the pipeline: re-armed on every lease, never reused once they fired.</summary>
public sealed class TimeoutSourcesTests
{
    [Test]
    public void ASourceGivenBack_IsLentAgain_ArmedAfresh_WithoutItsOldRegistrations()
    {
        // The system clock: the runtime resets its own timers (a TimeProvider's timer is never reset, so those sources
        // are not reused: see the next tests).
        var sources = new ClerkTimeoutSources(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        CancellationTokenSource first;
        var oldCallbackRan = false;
        using (var lease = sources.Rent())
        {
            first = lease.Source!;
            first.Token.Register(() => oldCallbackRan = true);
        }

        using var again = sources.Rent();
        Assert.That(again.Source, Is.SameAs(first), "an unfired source is reused");
        Assert.That(again.Source!.IsCancellationRequested, Is.False);
        Assert.That(again.Source.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)), Is.True, "it is armed again");
        Assert.That(oldCallbackRan, Is.False, "the previous call's registrations were dropped");
    }

    [Test]
    public void WithAnInjectedClock_EveryLeaseTimesOutAtItsOwnDeadline()
    {
        var clock = new FakeTimeProvider();
        var sources = new ClerkTimeoutSources(TimeSpan.FromSeconds(10), clock);
        using (var lease = sources.Rent())
        {
            clock.Advance(TimeSpan.FromSeconds(9));
            Assert.That(lease.Source!.IsCancellationRequested, Is.False);
        }

        using var again = sources.Rent();
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.That(again.Source!.IsCancellationRequested, Is.False, "the timer starts at the lease");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(again.Source.IsCancellationRequested, Is.True);
    }

    [Test]
    public void ASourceThatFired_IsNeverLentAgain()
    {
        var clock = new FakeTimeProvider();
        var sources = new ClerkTimeoutSources(TimeSpan.FromSeconds(1), clock);
        CancellationTokenSource fired;
        using (var lease = sources.Rent())
        {
            fired = lease.Source!;
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.That(fired.IsCancellationRequested, Is.True);
        }

        using var next = sources.Rent();
        Assert.That(next.Source, Is.Not.SameAs(fired));
        Assert.That(next.Source!.IsCancellationRequested, Is.False);
    }

    [Test]
    public void AnInfiniteTimeout_LendsNoSource()
    {
        using var lease = new ClerkTimeoutSources(Timeout.InfiniteTimeSpan, TimeProvider.System).Rent();
        Assert.That(lease.Source, Is.Null);
    }
}
