using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Sdk.Tests.Resilience;
using Clerk.Sdk.Tests.Support;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Operations;

/// <summary>Per-call options: extra headers, a timeout, the retry choice and a credential override, each on one call only.</summary>
[TestFixture]
public class RequestOptionsTests
{
    private const string OtherSecretKey = "sk_test_An0th3rInstanc3K3yF0rOneCall000000";

    [Test]
    public async Task ExtraHeaders_AndAKeyOverride_GoOnThatCallOnly()
    {
        var mock = ClerkMock.NewHandler();
        mock.Expect(HttpMethod.Get, ClerkMock.ApiBase + "/users/user_1")
            .WithHeaders("Authorization", "Bearer " + OtherSecretKey)
            .WithHeaders("X-Correlation-Id", "abc")
            .RespondJson(OperationDescriptorTests.UserJson("user_1"));
        mock.ExpectClerk(HttpMethod.Get, "/users/user_2")
            .With(m => !m.Headers.Contains("X-Correlation-Id"))
            .RespondJson(OperationDescriptorTests.UserJson("user_2"));
        var transport = new RecordingTransport(mock);
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = ClerkMock.SecretKey, HttpMessageHandler = transport });
        var options = new ClerkRequestOptions { SecretKey = OtherSecretKey, Headers = { ["X-Correlation-Id"] = "abc" } };

        await clerk.Users.GetAsync("user_1", requestOptions: options);
        await clerk.Users.GetAsync("user_2");

        mock.VerifyNoOutstandingExpectation();
        Assert.That(transport.Seen[0].Options, Is.SameAs(options), "a handler can read the call's options");
        Assert.That(transport.Seen[1].Options, Is.Null);
        Assert.That(options.ToString(), Does.Not.Contain(OtherSecretKey), "the key override is never printed");
    }

    [Test]
    public void AMalformedKeyOverride_IsAConfigurationError_ThatDoesNotShowTheKey()
    {
        var mock = ClerkMock.NewHandler();
        using var clerk = ClerkMock.NewClient(mock);

        var ex = Assert.ThrowsAsync<ClerkConfigurationException>(() => clerk.Users.GetAsync("user_1", requestOptions: new ClerkRequestOptions { SecretKey = "pk_test_notasecret" }));

        Assert.That(ex!.Message, Does.Not.Contain("pk_test_notasecret"));
        Assert.That(mock.GetMatchCount(mock.Fallback), Is.Zero, "nothing was sent");
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void ATimeoutThatCannotApply_OrNegativeRetries_AreRefused_BeforeSending(int milliseconds)
    {
        var mock = ClerkMock.NewHandler();
        using var clerk = ClerkMock.NewClient(mock);

        var timeout = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => clerk.Users.GetAsync("user_1", requestOptions: new ClerkRequestOptions { Timeout = TimeSpan.FromMilliseconds(milliseconds) }));
        var retries = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => clerk.Users.GetAsync("user_1", requestOptions: new ClerkRequestOptions { MaxRetries = -1 }));

        Assert.That(timeout!.ParamName, Is.EqualTo("Timeout"));
        Assert.That(retries!.ParamName, Is.EqualTo("MaxRetries"));
        Assert.That(mock.GetMatchCount(mock.Fallback), Is.Zero);
    }

    [Test]
    public async Task MaxRetriesZero_TurnsRetriesOff_ForOneCall()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Then(LoopbackServer.Reply(503, "{}"), LoopbackServer.Reply(503, "{}"), LoopbackServer.Reply(200, OperationDescriptorTests.UserJson("user_1")));
        using var clerk = new ClerkClient(new ClerkClientOptions
        {
            SecretKey = ClerkMock.SecretKey,
            ApiUrl = server.BaseUrl,
            Retry = new ClerkRetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), Jitter = 0 },
        });

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => clerk.Users.GetAsync("user_1", requestOptions: new ClerkRequestOptions { MaxRetries = 0 }));
        Assert.That((int)ex!.StatusCode, Is.EqualTo(503));
        Assert.That(server.Requests, Is.EqualTo(1), "no retry for this call");

        var user = await clerk.Users.GetAsync("user_1");
        Assert.That(user.Id, Is.EqualTo("user_1"));
        Assert.That(server.Requests, Is.EqualTo(3), "the client's policy still retries the next call (503, then 200)");
    }

    [Test]
    public async Task RetryNonIdempotent_LetsOnePostBeRetried()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Then(LoopbackServer.Reply(503, "{}"), LoopbackServer.Reply(200, OperationDescriptorTests.UserJson("user_1")), LoopbackServer.Reply(503, "{}"));
        using var clerk = new ClerkClient(new ClerkClientOptions
        {
            SecretKey = ClerkMock.SecretKey,
            ApiUrl = server.BaseUrl,
            Retry = new ClerkRetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), Jitter = 0 },
        });

        var user = await clerk.Users.CreateAsync(new CreateUserRequest { ExternalId = "x" }, requestOptions: new ClerkRequestOptions { RetryNonIdempotent = true });
        Assert.That(user.Id, Is.EqualTo("user_1"));
        Assert.That(server.Requests, Is.EqualTo(2));

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => clerk.Users.CreateAsync(new CreateUserRequest { ExternalId = "y" }));
        Assert.That((int)ex!.StatusCode, Is.EqualTo(503));
        Assert.That(server.Requests, Is.EqualTo(3), "without the option a POST is not retried after a 503");
    }

    [Test]
    public async Task ATimeout_ForOneCall_IsAClerkTimeoutException_NamingTheOption()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Then(LoopbackServer.Hang());
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = ClerkMock.SecretKey, ApiUrl = server.BaseUrl, Timeout = TimeSpan.FromMinutes(5) });

        var ex = Assert.ThrowsAsync<ClerkTimeoutException>(() => clerk.Users.GetAsync("user_1", requestOptions: new ClerkRequestOptions { Timeout = TimeSpan.FromMilliseconds(200), MaxRetries = 0 }));

        Assert.That(ex!.Message, Does.Contain("ClerkRequestOptions.Timeout").And.Contain("Users.Get GET /users/{user_id}"));
        Assert.That(ex.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
    }
}
