using System.Threading.Tasks;
using Clerk.BackendApi;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Resilience.FaultServer;

namespace Clerk.Sdk.Tests.Resilience;

/// <summary>Refused connections, resets before the answer and in the middle of the body.</summary>
public class NetworkFailureTests
{
    private const string User = """{ "id": "user_1", "object": "user", "first_name": "Ada" }""";
    private const string Session = """{ "id": "sess_1", "object": "session", "status": "revoked" }""";

    [Test]
    public void ConnectionRefused_GetIsRetried_ThenAClerkConnectionException()
    {
        var time = FakeClock.Create();
        var logs = new CapturedLogs();
        using var clerk = new ClerkClient(ResilienceClient.Options(RefusingBaseUrl(), time, logs));

        var ex = Assert.ThrowsAsync<ClerkConnectionException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1")));

        Assert.That(ex!.Attempts, Is.EqualTo(4));
        Assert.That(logs.RetryDelays, Has.Count.EqualTo(3));
        Assert.That(ex.Message, Does.Contain("Users.Get"));
    }

    [Test]
    public void ConnectionRefused_PostIsRetriedToo_ItNeverReachedTheServer()
    {
        var time = FakeClock.Create();
        var logs = new CapturedLogs();
        using var clerk = new ClerkClient(ResilienceClient.Options(RefusingBaseUrl(), time, logs));

        var ex = Assert.ThrowsAsync<ClerkConnectionException>(() => FakeClock.RunAsync(time, () => clerk.Sessions.RevokeAsync("sess_1")));

        Assert.That(ex!.Attempts, Is.EqualTo(4));
        Assert.That(logs.RetryDelays, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task ResetBeforeTheAnswer_GetIsRetried()
    {
        await using var server = await StartAsync();
        server.Then(Reset(), Reply(200, User));
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));

        var user = await FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1"));

        Assert.That(user.FirstName, Is.EqualTo("Ada"));
        Assert.That(server.Requests, Is.EqualTo(2));
    }

    [Test]
    public async Task ResetBeforeTheAnswer_PostIsNotRetried()
    {
        await using var server = await StartAsync();
        server.Then(Reset(), Reply(200, Session));
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));

        Assert.ThrowsAsync<ClerkConnectionException>(() => FakeClock.RunAsync(time, () => clerk.Sessions.RevokeAsync("sess_1")));

        Assert.That(server.Requests, Is.EqualTo(1), "the POST reached Clerk: it may have been processed");
    }

    [Test]
    public async Task ResetMidBody_GetIsRetried()
    {
        await using var server = await StartAsync();
        server.Then(ResetMidBody("""{ "id": "user_1", "obj"""), Reply(200, User));
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));

        var user = await FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1"));

        Assert.That(user.FirstName, Is.EqualTo("Ada"));
        Assert.That(server.Requests, Is.EqualTo(2));
    }

    [Test]
    public async Task ResetMidBody_PostIsNotRetried()
    {
        await using var server = await StartAsync();
        server.Then(ResetMidBody("""{ "id": "sess_1", """), Reply(200, Session));
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));

        var ex = Assert.ThrowsAsync<ClerkConnectionException>(() => FakeClock.RunAsync(time, () => clerk.Sessions.RevokeAsync("sess_1")));

        Assert.That(server.Requests, Is.EqualTo(1));
        Assert.That(ex!.Message, Does.Contain("may have reached Clerk").Or.Contain("the request reached Clerk"));
    }

    [Test]
    public async Task ResetsBeyondMaxAttempts_SayHowManyAttempts()
    {
        await using var server = await StartAsync();
        server.Then(Reset());
        var time = FakeClock.Create();
        using var clerk = new ClerkClient(ResilienceClient.Options(server.BaseUrl, time));

        var ex = Assert.ThrowsAsync<ClerkConnectionException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1")));

        Assert.That(server.Requests, Is.EqualTo(4));
        Assert.That(ex!.Attempts, Is.EqualTo(4));
        Assert.That(ex.Message, Does.Contain("4 attempt"));
    }
}
