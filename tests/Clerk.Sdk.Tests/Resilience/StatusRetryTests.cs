using System;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Http;
using NUnit.Framework;
using static Clerk.Sdk.TestKit.LoopbackServer;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Resilience;

/// <summary>Which statuses are retried, for idempotent and non-idempotent methods. Each asserts what the server saw.</summary>
public class StatusRetryTests
{
    private const string User = """{ "id": "user_1", "object": "user" }""";
    private const string Session = """{ "id": "sess_1", "object": "session", "status": "revoked" }""";

    [TestCase(408)]
    [TestCase(429)]
    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task Get_IsRetriedOn(int status)
    {
        await using var server = await StartAsync();
        server.Then(Reply(status, ""), Reply(200, User));
        var time = FakeClock.Create();
        var logs = new CapturedLogs();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time, logs));

        var user = await FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1"));

        Assert.That(user.Id, Is.EqualTo("user_1"));
        Assert.That(server.Requests, Is.EqualTo(2));
        Assert.That(logs.RetryDelays, Is.EqualTo(new[] { 1000L }), "first backoff = BaseDelay");
    }

    [TestCase(408)]
    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task Post_IsNotRetriedOn(int status)
    {
        await using var server = await StartAsync();
        server.Then(Reply(status, ""), Reply(200, Session));
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => FakeClock.RunAsync(time, () => clerk.Sessions.RevokeAsync("sess_1")));

        Assert.That((int)ex!.StatusCode, Is.EqualTo(status));
        Assert.That(ex.Attempts, Is.EqualTo(1));
        Assert.That(server.Requests, Is.EqualTo(1), "a POST that may have been processed is never sent twice");
    }

    [Test]
    public async Task Post_IsRetriedOn429WithRetryAfter()
    {
        await using var server = await StartAsync();
        server.Then(Reply(429, "", "application/json", ("Retry-After", "2")), Reply(200, Session));
        var time = FakeClock.Create();
        var logs = new CapturedLogs();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time, logs));

        var session = await FakeClock.RunAsync(time, () => clerk.Sessions.RevokeAsync("sess_1"));

        Assert.That(session.Status, Is.EqualTo(SessionStatus.Revoked));
        Assert.That(server.Requests, Is.EqualTo(2));
        Assert.That(logs.RetryDelays, Is.EqualTo(new[] { 2000L }));
    }

    [Test]
    public async Task Post_IsNotRetriedOn429WithoutRetryAfter()
    {
        await using var server = await StartAsync();
        server.Then(Reply(429, """{ "errors": [ { "code": "too_many_requests", "message": "slow down" } ] }"""));
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));

        var ex = Assert.ThrowsAsync<ClerkRateLimitException>(() => FakeClock.RunAsync(time, () => clerk.Sessions.RevokeAsync("sess_1")));

        Assert.That(ex!.RetryAfter, Is.Null);
        Assert.That(ex.Code, Is.EqualTo("too_many_requests"));
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task Patch_IsNotRetriedOn500()
    {
        await using var server = await StartAsync();
        server.Then(Reply(500, ""), Reply(200, User));
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));

        Assert.ThrowsAsync<ClerkApiException>(() => FakeClock.RunAsync(time, () => clerk.Users.UpdateAsync("user_1", new UpdateUserRequest { FirstName = "Ada" })));

        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task Delete_IsRetriedOn503()
    {
        await using var server = await StartAsync();
        server.Then(Reply(503, ""), Reply(200, """{ "id": "user_1", "object": "user", "deleted": true }"""));
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));

        var deleted = await FakeClock.RunAsync(time, () => clerk.Users.DeleteAsync("user_1"));

        Assert.That(deleted.Deleted, Is.True);
        Assert.That(server.Requests, Is.EqualTo(2));
    }

    [Test]
    public async Task Post_IsRetriedOn500WhenTheCallerOptsIn()
    {
        await using var server = await StartAsync();
        server.Then(Reply(500, ""), Reply(200, Session));
        var time = FakeClock.Create();
        var options = ResilienceClient.Options(server.BaseUrl, time);
        options.Retry.RetryNonIdempotentRequests = true;
        using var clerk = new ClerkClient(options);

        await FakeClock.RunAsync(time, () => clerk.Sessions.RevokeAsync("sess_1"));

        Assert.That(server.Requests, Is.EqualTo(2));
    }

    [Test]
    public async Task FiveHundredBurst_BeyondMaxAttempts_SaysHowManyAttempts()
    {
        await using var server = await StartAsync();
        server.Then(Reply(503, """{ "errors": [ { "code": "service_unavailable", "message": "down" } ], "clerk_trace_id": "t1" }"""));
        var time = FakeClock.Create();
        var logs = new CapturedLogs();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time, logs));

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1")));

        Assert.That(server.Requests, Is.EqualTo(4), "1 attempt + 3 retries");
        Assert.That(ex!.Attempts, Is.EqualTo(4));
        Assert.That(ex.Message, Does.Contain("after 4 attempts"));
        Assert.That(logs.RetryDelays, Is.EqualTo(new[] { 1000L, 2000L, 4000L }), "exponential backoff");
    }

    [Test]
    public async Task RateLimitBurst_GivesClerkRateLimitExceptionWithRetryAfter()
    {
        await using var server = await StartAsync();
        server.Then(Reply(429, "", "application/json", ("Retry-After", "3")));
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));

        var ex = Assert.ThrowsAsync<ClerkRateLimitException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1")));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(ex.Attempts, Is.EqualTo(4));
        Assert.That(server.Requests, Is.EqualTo(4));
    }

    [Test]
    public async Task TheTotalTimeCap_StopsRetriesEarly()
    {
        await using var server = await StartAsync();
        server.Then(Reply(500, ""));
        var time = FakeClock.Create();
        var options = ResilienceClient.Options(server.BaseUrl, time);
        options.Retry.MaxElapsedTime = TimeSpan.FromSeconds(2.5); // 1 s + 2 s fit, the 4 s third delay does not
        using var clerk = new ClerkClient(options);

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1")));

        Assert.That(server.Requests, Is.LessThanOrEqualTo(3));
        Assert.That(ex!.Attempts, Is.EqualTo(server.Requests));
    }

    [Test]
    public async Task Unauthorized_IsNotRetried_AndTheMessageHidesTheKey()
    {
        await using var server = await StartAsync();
        server.Then(Reply(401, """{ "errors": [ { "code": "authentication_invalid", "message": "Invalid authentication", "long_message": "The secret key is invalid" } ] }"""));
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1")));

        Assert.That(server.Requests, Is.EqualTo(1));
        Assert.That(ex!.Code, Is.EqualTo("authentication_invalid"));
        Assert.That(ex.ToString(), Does.Not.Contain(ResilienceClient.SecretKey));
    }

    [Test]
    public async Task RetriesCanBeTurnedOff()
    {
        await using var server = await StartAsync();
        server.Then(Reply(503, ""));
        var time = FakeClock.Create();
        var options = ResilienceClient.Options(server.BaseUrl, time);
        options.Retry.MaxRetries = 0;
        using var clerk = new ClerkClient(options);

        Assert.ThrowsAsync<ClerkApiException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1")));

        Assert.That(server.Requests, Is.EqualTo(1));
    }
}
