using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Sdk.TestKit;
using NUnit.Framework;
using static Clerk.Sdk.TestKit.LoopbackServer;

namespace Clerk.Sdk.Tests.Resilience;

/// <summary>
/// The retry policy to the unit: the jitter's spread, the time budget's boundary, a negative per-call retry count, which
/// transport failures count as "never reached Clerk" (so even a POST is retried), and what the retry log line says.
/// </summary>
public class RetryDetailTests
{
    private const string User = """{ "id": "user_1", "object": "user" }""";
    private const string Session = """{ "id": "sess_1", "object": "session", "status": "revoked" }""";

    /// <summary>With jitter 0.5 each first delay lies in [500, 1500] ms around the 1 s base, on both sides of it.</summary>
    [Test]
    public async Task Jitter_SpreadsTheDelayEvenlyAroundTheBase()
    {
        await using var server = await StartAsync();
        var time = FakeClock.Create();
        var logs = new CapturedLogs();
        var options = ResilienceClient.Options(server.BaseUrl, time, logs);
        options.Retry.Jitter = 0.5;
        using var clerk = new ClerkClient(options);

        for (var i = 0; i < 60; i++)
        {
            server.Then(Reply(503, ""), Reply(200, User));
            await FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1"));
        }

        var delays = logs.RetryDelays;
        Assert.That(delays, Has.Count.EqualTo(60));
        Assert.That(delays, Has.All.InRange(500L, 1500L));
        Assert.That(delays.Count(d => d > 1000), Is.GreaterThan(5), "some above the base");
        Assert.That(delays.Count(d => d < 1000), Is.GreaterThan(5), "some below the base");
    }

    /// <summary>A retry whose delay ends exactly at MaxElapsedTime still happens; the budget is "at most", not "under".</summary>
    [Test]
    public async Task ADelayEndingExactlyAtTheBudget_IsTaken()
    {
        // Answers at once (no fake time passes during the request), so the first delay of 1 s ends exactly at the budget.
        var handler = new FailOnceHandler(null, User);
        var time = FakeClock.Create();
        var options = ResilienceClient.Options("https://api.clerk.test", time);
        options.HttpMessageHandler = handler;
        options.Retry.MaxElapsedTime = TimeSpan.FromSeconds(1);
        using var clerk = new ClerkClient(options);

        var user = await FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1"));

        Assert.That((user.Id, handler.Requests), Is.EqualTo(("user_1", 2)));
    }

    /// <summary>Per-call retry counts are checked before anything is sent.</summary>
    [Test]
    public void ANegativePerCallRetryCount_IsRefused()
    {
        using var clerk = new ClerkClient(ResilienceClient.Options("https://api.clerk.test", FakeClock.Create()));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => clerk.Users.GetAsync("user_1", requestOptions: new ClerkRequestOptions { MaxRetries = -1 }));
    }

    [Test]
    public async Task TheRetryLogLine_NamesTheCauseTheDelayAndTheAttempt()
    {
        await using var server = await StartAsync();
        server.Then(Reply(503, ""), Reply(502, ""), Reply(200, User));
        var time = FakeClock.Create();
        var logs = new CapturedLogs();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time, logs));

        await FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1"));

        Assert.That(logs.Entries.Where(e => e.Message.Contains(": retrying after", StringComparison.Ordinal)).Select(e => e.Message).ToList(), Is.EqualTo(new[]
        {
            "Clerk Users.Get GET /users/{user_id}: retrying after 503 in 1000 ms (attempt 2 of 4)",
            "Clerk Users.Get GET /users/{user_id}: retrying after 502 in 2000 ms (attempt 3 of 4)",
        }));
    }

    /// <summary>A handler that fails the first request with <paramref name="failure"/> (or answers 503 when null), then answers <paramref name="json"/>.</summary>
    private sealed class FailOnceHandler(Exception? failure, string json) : HttpMessageHandler
    {
        public int Requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref Requests) == 1
                ? failure is null ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)) : Task.FromException<HttpResponseMessage>(failure)
                : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });
    }

    private static ClerkClient Client(HttpMessageHandler handler, Microsoft.Extensions.Time.Testing.FakeTimeProvider time, CapturedLogs? logs = null)
    {
        var options = ResilienceClient.Options("https://api.clerk.test", time, logs);
        options.HttpMessageHandler = handler;
        return new ClerkClient(options);
    }

    /// <summary>A temporary name-resolution failure never reached Clerk, so even a POST is sent again.</summary>
    [Test]
    public async Task ANameResolutionFailure_IsRetried_EvenForAPost()
    {
        var handler = new FailOnceHandler(new HttpRequestException(HttpRequestError.NameResolutionError, "resolver busy"), Session);
        var time = FakeClock.Create();
        var logs = new CapturedLogs();
        using var clerk = Client(handler, time, logs);

        var session = await FakeClock.RunAsync(time, () => clerk.Sessions.RevokeAsync("sess_1"));

        Assert.That((session.Id, handler.Requests), Is.EqualTo(("sess_1", 2)));
        Assert.That(logs.Entries.Select(e => e.Message), Has.Some.StartsWith("Clerk Sessions.Revoke POST /sessions/{session_id}/revoke failed: HttpRequestException (attempt 1, "));
    }

    /// <summary>A failure without a socket error that says "not connected" may have reached Clerk: a POST is not sent again.</summary>
    [Test]
    public void AConnectionThatBrokeAfterSending_IsNotRetriedForAPost()
    {
        var handler = new FailOnceHandler(new HttpRequestException("connection reset"), Session);
        var time = FakeClock.Create();
        using var clerk = Client(handler, time);

        var error = Assert.ThrowsAsync<ClerkConnectionException>(() => FakeClock.RunAsync(time, () => clerk.Sessions.RevokeAsync("sess_1")));

        Assert.That(handler.Requests, Is.EqualTo(1));
        Assert.That(error!.Message, Does.Contain("the connection broke before Clerk answered (the request may have reached Clerk): connection reset"));
    }

    /// <summary><c>Retry-After: 0</c> is a wait of zero, which makes a rate-limited POST safe to send again; an absent header does not.</summary>
    [Test]
    public async Task RetryAfterZero_LetsARateLimitedPostBeRetried()
    {
        await using var server = await StartAsync();
        server.Then(Reply(429, "", "application/json", ("Retry-After", "0")),
            Reply(200, Session));
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));

        var session = await FakeClock.RunAsync(time, () => clerk.Sessions.RevokeAsync("sess_1"));

        Assert.That((session.Id, server.Requests), Is.EqualTo(("sess_1", 2)));
    }
}
