using System;
using System.Globalization;
using System.Threading.Tasks;
using NUnit.Framework;
using static Clerk.Sdk.TestKit.LoopbackServer;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Resilience;

/// <summary>Retry-After on 429/503: seconds, HTTP date, and values that must not be trusted.</summary>
public class RetryAfterTests
{
    private const string User = """{ "id": "user_1", "object": "user" }""";

    private static async Task<(long[] Delays, int Requests)> RunAsync(int status, string retryAfter, Func<Microsoft.Extensions.Time.Testing.FakeTimeProvider, string>? dynamicValue = null)
    {
        await using var server = await StartAsync();
        var time = FakeClock.Create();
        server.Then(Reply(status, "", "application/json", ("Retry-After", dynamicValue?.Invoke(time) ?? retryAfter)), Reply(200, User));
        var logs = new CapturedLogs();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time, logs));
        await FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1"));
        return ([.. logs.RetryDelays], server.Requests);
    }

    [Test]
    public async Task Seconds_AreHonoured()
    {
        var (delays, requests) = await RunAsync(429, "5");
        Assert.That(delays, Is.EqualTo(new[] { 5000L }));
        Assert.That(requests, Is.EqualTo(2));
    }

    [Test]
    public async Task AnHttpDate_IsHonoured()
    {
        var (delays, requests) = await RunAsync(503, "", time => time.GetUtcNow().AddSeconds(4).ToString("R", CultureInfo.InvariantCulture));
        Assert.That(delays[0], Is.InRange(3000L, 4000L), "the date is 4 s ahead of the (fake) clock at send time");
        Assert.That(requests, Is.EqualTo(2));
    }

    [Test]
    public async Task AnInvalidValue_FallsBackToBackoff()
    {
        var (delays, _) = await RunAsync(429, "soon");
        Assert.That(delays, Is.EqualTo(new[] { 1000L }));
    }

    [Test]
    public async Task ANegativeValue_FallsBackToBackoff()
    {
        var (delays, _) = await RunAsync(503, "-5");
        Assert.That(delays, Is.EqualTo(new[] { 1000L }));
    }

    [Test]
    public async Task AHugeValue_IsCappedByMaxDelay()
    {
        var (delays, requests) = await RunAsync(429, "86400");
        Assert.That(delays, Is.EqualTo(new[] { 8000L }), "capped at ClerkRetryOptions.MaxDelay");
        Assert.That(requests, Is.EqualTo(2));
    }

    [Test]
    public async Task OnA500_RetryAfterIsIgnored()
    {
        var (delays, _) = await RunAsync(500, "7");
        Assert.That(delays, Is.EqualTo(new[] { 1000L }));
    }
}
