using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Clerk.Http;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using static Clerk.Sdk.TestKit.LoopbackServer;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Resilience;

/// <summary>Logs and spans name operations by template; secrets, ids and tokens never appear.</summary>
[NonParallelizable] // the ActivityListener is process-wide
public class ObservabilityTests
{
    private const string UserId = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";

    [Test]
    public async Task Logs_UseTemplates_AtTheRightLevels_AndRedactEverythingSecret()
    {
        await using var server = await StartAsync();
        server.Then(Reply(503, ""), Reply(404, """{ "errors": [ { "code": "resource_not_found", "message": "not found" } ] }"""));
        var time = FakeClock.Create();
        var logs = new CapturedLogs();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time, logs));

        Assert.ThrowsAsync<ClerkApiException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync(UserId)));
        await FakeClock.RunAsync(time, () => Task.CompletedTask);

        var entries = logs.Entries;
        Assert.That(entries.Where(e => e.Level == LogLevel.Debug).Select(e => e.Message), Has.Some.Contains("Users.Get GET /users/{user_id} -> 503").And.Some.Contains("-> 404"));
        Assert.That(entries.Where(e => e.Level == LogLevel.Information).Select(e => e.Message), Has.One.Contains("retrying after 503"));
        Assert.That(entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message), Has.One.Contains("failed with 404 after 2 attempt(s)"));
        var everything = string.Join("\n", entries.Select(e => e.Message + " " + string.Join(" ", e.Values.Values)));
        Assert.That(everything, Does.Not.Contain(ResilienceClient.SecretKey));
        Assert.That(everything, Does.Not.Contain(UserId), "ids stay out of logs: the template is logged");
        Assert.That(everything, Does.Not.Contain("Bearer"));
    }

    [Test]
    public async Task ASpanPerCall_WithOperationStatusAndRetryCount()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ClerkTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await StartAsync();
        server.Then(Reply(500, ""), Reply(200, """{ "id": "sess_1", "object": "session", "status": "active" }"""));
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));

        await FakeClock.RunAsync(time, () => clerk.Sessions.GetAsync("sess_1"));

        var span = spans.Single(s => s.DisplayName == "Clerk Sessions.Get");
        Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
        Assert.That(span.GetTagItem("http.request.method"), Is.EqualTo("GET"));
        Assert.That(span.GetTagItem("url.template"), Is.EqualTo("/sessions/{session_id}"));
        Assert.That(span.GetTagItem("clerk.resource"), Is.EqualTo("Sessions"));
        Assert.That(span.GetTagItem("clerk.operation"), Is.EqualTo("Get"));
        Assert.That(span.GetTagItem("http.response.status_code"), Is.EqualTo(200));
        Assert.That(span.GetTagItem("clerk.retry_count"), Is.EqualTo(1));
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
    }
}
