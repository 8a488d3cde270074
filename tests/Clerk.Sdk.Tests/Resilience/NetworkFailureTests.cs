using System.Threading.Tasks;
using Clerk.BackendApi;
using NUnit.Framework;
using static Clerk.Sdk.TestKit.LoopbackServer;
using Clerk.Sdk.TestKit;

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

    [TestCase(System.Net.Sockets.SocketError.HostNotFound, 1, TestName = "AnUnknownHost_IsNotRetried")]
    [TestCase(System.Net.Sockets.SocketError.NoData, 1, TestName = "AHostWithoutAddresses_IsNotRetried")]
    [TestCase(System.Net.Sockets.SocketError.TryAgain, 4, TestName = "ATemporaryResolverFailure_IsRetried")]
    public void NameResolutionFailures(System.Net.Sockets.SocketError error, int attempts)
    {
        var time = FakeClock.Create();
        var calls = 0;
        var options = ResilienceClient.Options("https://api.clerk.example/v1", time);
        options.HttpMessageHandler = new ThrowingHandler(() =>
        {
            calls++;
            return new System.Net.Http.HttpRequestException(System.Net.Http.HttpRequestError.NameResolutionError, "Name or service not known (api.clerk.example:443)", new System.Net.Sockets.SocketException((int)error));
        });
        using var clerk = new ClerkClient(options);

        var ex = Assert.ThrowsAsync<ClerkConnectionException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1")));

        Assert.That((ex!.Attempts, calls), Is.EqualTo((attempts, attempts)));
        Assert.That(ex.Message, Does.Contain("api.clerk.example"), "the cause's message says which host");
    }

    private sealed class ThrowingHandler(System.Func<System.Exception> failure) : System.Net.Http.HttpMessageHandler
    {
        protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken) =>
            Task.FromException<System.Net.Http.HttpResponseMessage>(failure());
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
