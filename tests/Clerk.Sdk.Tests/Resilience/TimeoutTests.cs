using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Clerk.Sdk.TestKit;
using static Clerk.Sdk.TestKit.LoopbackServer;

namespace Clerk.Sdk.Tests.Resilience;

/// <summary>Per-try timeout, overall deadline and caller cancellation: distinguishable, and never retried wrongly.</summary>
public class TimeoutTests
{
    private const string User = """{ "id": "user_1", "object": "user" }""";

    [Test]
    public async Task PerTryTimeout_GetIsRetried()
    {
        await using var server = await StartAsync();
        server.Then(Hang(), Reply(200, User));
        var time = FakeClock.Create();
        var options = ResilienceClient.Options(server.BaseUrl, time);
        options.Retry.PerTryTimeout = TimeSpan.FromSeconds(10);
        using var clerk = new ClerkClient(options);

        var call = clerk.Users.GetAsync("user_1");
        await server.WaitForRequestAsync();
        time.Advance(TimeSpan.FromSeconds(10)); // the first attempt times out
        await WaitUntil(() => server.Requests == 2 || call.IsCompleted, time, TimeSpan.FromMilliseconds(250));
        var user = await call;

        Assert.That(user.Id, Is.EqualTo("user_1"));
        Assert.That(server.Requests, Is.EqualTo(2));
    }

    [Test]
    public async Task PerTryTimeout_PostIsNotRetried_AndIsAClerkTimeoutException()
    {
        await using var server = await StartAsync();
        server.Then(Hang());
        var time = FakeClock.Create();
        var options = ResilienceClient.Options(server.BaseUrl, time);
        options.Retry.PerTryTimeout = TimeSpan.FromSeconds(10);
        using var clerk = new ClerkClient(options);

        var call = clerk.Sessions.RevokeAsync("sess_1");
        await server.WaitForRequestAsync();
        time.Advance(TimeSpan.FromSeconds(10));

        var ex = Assert.ThrowsAsync<ClerkTimeoutException>(async () => await call);
        Assert.That(ex!.Timeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task OverallDeadline_IsAClerkTimeoutException_NotACancellation()
    {
        await using var server = await StartAsync();
        server.Then(Hang());
        var time = FakeClock.Create();
        var options = ResilienceClient.Options(server.BaseUrl, time);
        options.Timeout = TimeSpan.FromSeconds(20);
        using var clerk = new ClerkClient(options);

        var call = clerk.Users.GetAsync("user_1");
        await server.WaitForRequestAsync();
        time.Advance(TimeSpan.FromSeconds(20));

        var ex = Assert.ThrowsAsync<ClerkTimeoutException>(async () => await call);
        Assert.That(ex!.Message, Does.Contain("ClerkClientOptions.Timeout"));
        Assert.That(ex.Attempts, Is.EqualTo(1));
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task OverallDeadline_CoversRetryDelays()
    {
        await using var server = await StartAsync();
        server.Then(Reply(503, ""));
        var time = FakeClock.Create();
        var options = ResilienceClient.Options(server.BaseUrl, time);
        options.Timeout = TimeSpan.FromSeconds(2.5);
        using var clerk = new ClerkClient(options);

        var ex = Assert.ThrowsAsync<ClerkTimeoutException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1")));

        Assert.That(server.Requests, Is.InRange(2, 3), "1 s + 2 s of backoff do not fit in 2.5 s");
        Assert.That(ex!.Attempts, Is.EqualTo(server.Requests));
        // The last attempt's cause is kept: the message says it and the inner exception is it.
        Assert.That(ex.Message, Does.Contain("The last attempt before it failed: Clerk answered 503"));
        Assert.That(ex.InnerException, Is.InstanceOf<System.Net.Http.HttpRequestException>());
        Assert.That(((System.Net.Http.HttpRequestException)ex.InnerException!).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task CallerCancellation_IsAnOperationCanceledException_AndIsNotRetried()
    {
        await using var server = await StartAsync();
        server.Then(Hang(), Reply(200, User));
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));
        using var cancel = new CancellationTokenSource();

        var call = clerk.Users.GetAsync("user_1", cancellationToken: cancel.Token);
        await server.WaitForRequestAsync();
        cancel.Cancel();

        var ex = Assert.CatchAsync<OperationCanceledException>(async () => await call);
        Assert.That(ex, Is.Not.InstanceOf<ClerkException>());
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task CallerCancellation_DuringABackoffDelay_StopsRetrying()
    {
        await using var server = await StartAsync();
        server.Then(Reply(503, ""));
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));
        using var cancel = new CancellationTokenSource();

        var call = clerk.Users.GetAsync("user_1", cancellationToken: cancel.Token);
        await server.WaitForRequestAsync();
        await Task.Delay(50); // the handler is now waiting out the 1 s backoff on the fake clock
        cancel.Cancel();

        Assert.CatchAsync<OperationCanceledException>(async () => await call);
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task ASlowDripBody_RunsIntoThePerTryTimeout()
    {
        await using var server = await StartAsync();
        server.Then(SlowDrip());
        var time = FakeClock.Create();
        var options = ResilienceClient.Options(server.BaseUrl, time);
        options.Retry.PerTryTimeout = TimeSpan.FromSeconds(5);
        options.Retry.MaxRetries = 0;
        using var clerk = new ClerkClient(options);

        var call = clerk.Users.GetAsync("user_1");
        await server.WaitForRequestAsync();
        await Task.Delay(50); // headers and the first byte have arrived; the body never completes
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.ThrowsAsync<ClerkTimeoutException>(async () => await call);
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    private static async Task WaitUntil(Func<bool> condition, Microsoft.Extensions.Time.Testing.FakeTimeProvider time, TimeSpan step)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(5);
            time.Advance(step); // lets the backoff delay elapse
        }
    }
}
