using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Clerk.Sdk.TestKit;
using static Clerk.Sdk.TestKit.LoopbackServer;

namespace Clerk.Sdk.Tests.Resilience;

/// <summary>One ClerkClient shared by many callers: every call succeeds, connections are pooled.</summary>
public class ConcurrencyTests
{
    [Test]
    public async Task AThousandConcurrentCalls_ThroughOneClient_AllSucceed()
    {
        await using var server = await StartAsync();
        server.Then(Reply(200, """{ "id": "user_1", "object": "user" }"""));
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = ResilienceClient.SecretKey, ApiUrl = server.BaseUrl });

        var users = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => clerk.Users.GetAsync($"user_{i}")));

        Assert.That(users, Has.Length.EqualTo(1000).And.All.Property("Id").EqualTo("user_1"));
        Assert.That(server.Requests, Is.EqualTo(1000), "no call was retried or lost");
        Assert.That(server.Seen.Distinct().Count(), Is.EqualTo(1000));
    }
}
