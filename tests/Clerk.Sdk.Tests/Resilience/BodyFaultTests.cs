using System.Threading.Tasks;
using Clerk.BackendApi;
using NUnit.Framework;
using Clerk.Sdk.TestKit;
using static Clerk.Sdk.TestKit.LoopbackServer;

namespace Clerk.Sdk.Tests.Resilience;

/// <summary>Bodies a real server can send: broken, foreign, oversized, or newer than the SDK. None is retried.</summary>
public class BodyFaultTests
{
    private static async Task<(ClerkClient Client, LoopbackServer Server, Microsoft.Extensions.Time.Testing.FakeTimeProvider Time)> StartAsync(params System.Func<Microsoft.AspNetCore.Http.HttpContext, Task>[] steps)
    {
        var server = await LoopbackServer.StartAsync();
        server.Then(steps);
        var time = FakeClock.Create();
        return (new ClerkClient(ResilienceClient.Options(server.BaseUrl, time)), server, time);
    }

    [Test]
    public async Task TruncatedJson_IsAClerkApiException_NotRetried()
    {
        var (clerk, server, time) = await StartAsync(Reply(200, """{ "id": "user_1", "object": "us"""));
        await using var _ = server;
        using var __ = clerk;

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1")));

        Assert.That((int)ex!.StatusCode, Is.EqualTo(200));
        Assert.That(ex.Message, Does.Contain("deserialize"));
        Assert.That(ex.InnerException, Is.InstanceOf<Newtonsoft.Json.JsonException>());
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task InvalidJson_IsAClerkApiException_NotRetried()
    {
        var (clerk, server, time) = await StartAsync(Reply(200, "{ id: user_1 ,,, }"));
        await using var _ = server;
        using var __ = clerk;

        Assert.ThrowsAsync<ClerkApiException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1")));

        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task AProxysHtml502_IsRetried_ThenKeptAsAnExcerpt()
    {
        const string html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
        var (clerk, server, time) = await StartAsync(Reply(502, html, "text/html"));
        await using var _ = server;
        using var __ = clerk;

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1")));

        Assert.That(server.Requests, Is.EqualTo(4));
        Assert.That(ex!.BodyExcerpt, Does.Contain("502 Bad Gateway"));
        Assert.That(ex.Errors, Is.Empty);
    }

    [Test]
    public async Task AnEmpty200_IsAClearClerkApiException()
    {
        var (clerk, server, time) = await StartAsync(Reply(200, ""));
        await using var _ = server;
        using var __ = clerk;

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1")));

        Assert.That(ex!.Message, Does.Contain("null").Or.Contain("empty"));
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task UnknownEnumValuesAndFields_AreKept()
    {
        var (clerk, server, time) = await StartAsync(Reply(200, """{ "id": "sess_1", "object": "session", "status": "hibernating", "device_fingerprint": "abc" }"""));
        await using var _ = server;
        using var __ = clerk;

        var session = await FakeClock.RunAsync(time, () => clerk.Sessions.GetAsync("sess_1"));

        Assert.That(session.Status.Value, Is.EqualTo("hibernating"));
        Assert.That(session.Status.IsKnown, Is.False);
        Assert.That((string?)session.AdditionalProperties["device_fingerprint"], Is.EqualTo("abc"));
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task ABodyOverTheSizeCap_IsRefused_NotRetried()
    {
        var server = await LoopbackServer.StartAsync();
        await using var _ = server;
        server.Then(Reply(200, "{ \"id\": \"user_1\", \"first_name\": \"" + new string('x', 5000) + "\" }"));
        var time = FakeClock.Create();
        var options = ResilienceClient.Options(server.BaseUrl, time);
        options.MaxResponseBodyBytes = 1024;
        using var clerk = new ClerkClient(options);

        var ex = Assert.ThrowsAsync<ClerkException>(() => FakeClock.RunAsync(time, () => clerk.Users.GetAsync("user_1")));

        Assert.That(ex!.Message, Does.Contain("MaxResponseBodyBytes"));
        Assert.That(server.Requests, Is.EqualTo(1));
    }
}
