using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Authentication;
using Clerk.BackendApi;
using Clerk.Sdk.AspNetCore.Tests.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.AspNetCore.Tests;

/// <summary>
/// <c>services.AddClerk(configuration)</c>: every resource client resolves, the HttpClient comes from IHttpClientFactory, and
/// a user's DelegatingHandler runs on each Clerk call, once per attempt (inside the SDK's retries).
/// </summary>
[TestFixture]
public class DependencyInjectionTests
{
    private const string SecretKey = "sk_test_0123456789abcdefghijklmnopqrstuvwxyz";

    private FakeClerkApi _api = null!;

    [SetUp]
    public async Task StartApi() => _api = await FakeClerkApi.StartAsync();

    [TearDown]
    public async Task StopApi() => await _api.DisposeAsync();

    private IConfiguration Configuration(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Clerk:SecretKey"] = SecretKey,
            ["Clerk:ApiUrl"] = _api.Url,                     // host only: the SDK adds /v1
            ["Clerk:Retry:BaseDelay"] = "00:00:00.010",
            ["Clerk:Retry:MaxDelay"] = "00:00:00.050",
            ["Clerk:JwtKey"] = Tokens.Pem,
            ["Clerk:AuthorizedParties:0"] = Tokens.Party,
        };
        foreach (var (key, value) in extra)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private static IEnumerable<System.Reflection.PropertyInfo> ResourceProperties() => typeof(ClerkClient).GetProperties()
        .Where(p => p.PropertyType.IsInterface && p.PropertyType.Namespace == "Clerk.BackendApi");

    [Test]
    public void EveryResourceClient_ResolvesFromAProviderBuiltOnlyByAddClerk()
    {
        var services = new ServiceCollection();
        services.AddClerk(Configuration());
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var clerk = provider.GetRequiredService<ClerkClient>();
        var properties = ResourceProperties().ToList();
        Assert.That(properties, Has.Count.GreaterThanOrEqualTo(40), "the resource properties of ClerkClient");
        Assert.Multiple(() =>
        {
            foreach (var property in properties)
            {
                Assert.That(provider.GetRequiredService(property.PropertyType), Is.SameAs(property.GetValue(clerk)), property.PropertyType.Name);
            }
            Assert.That(provider.GetRequiredService<IUsersClient>(), Is.SameAs(clerk.Users));
            Assert.That(provider.GetRequiredService<ClerkTokenVerifier>().ToString(), Does.Contain("keys=JwtKey").And.Contain("authorizedParties=1"));
            Assert.That(provider.GetRequiredService<IHttpClientFactory>(), Is.Not.Null);
        });
    }

    [Test]
    public async Task ResolvedClients_CallTheConfiguredApi_WithTheSecretKey()
    {
        var services = new ServiceCollection();
        services.AddClerk(Configuration());
        using var provider = services.BuildServiceProvider();

        var user = await provider.GetRequiredService<IUsersClient>().GetAsync("user_1", cancellationToken: CancellationToken.None);

        Assert.That(user.Id, Is.EqualTo("user_1"));
        Assert.That(_api.Requests.Single(), Is.EqualTo(("/v1/users/user_1", "Bearer " + SecretKey)));
    }

    [Test]
    public async Task AUserDelegatingHandler_RunsOnEachClerkCall_OncePerAttempt()
    {
        var seen = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddClerk(Configuration()).AddHttpMessageHandler(() => new RecordingHandler(seen));
        using var provider = services.BuildServiceProvider();
        var users = provider.GetRequiredService<IUsersClient>();
        _api.FailNext(503);

        await users.GetAsync("user_1", cancellationToken: CancellationToken.None);   // 503, retried by the SDK, then 200
        await users.GetAsync("user_2", cancellationToken: CancellationToken.None);
        await provider.GetRequiredService<ClerkClient>().Users.GetAsync("user_3", cancellationToken: CancellationToken.None);

        // Inside the SDK's retries: the handler sees every attempt, each with the Clerk headers.
        Assert.That(seen, Is.EqualTo(new[]
        {
            "GET /v1/users/user_1 503 auth=True",
            "GET /v1/users/user_1 200 auth=True",
            "GET /v1/users/user_2 200 auth=True",
            "GET /v1/users/user_3 200 auth=True",
        }));
    }

    [Test]
    public async Task AHandlerAddedBeforeAddClerk_IsAlsoInsideTheRetries()
    {
        var seen = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddHttpClient(ClerkServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new RecordingHandler(seen));
        services.AddClerk(Configuration());
        using var provider = services.BuildServiceProvider();
        _api.FailNext(502, 503);

        await provider.GetRequiredService<IUsersClient>().GetAsync("user_1", cancellationToken: CancellationToken.None);

        Assert.That(seen.Select(s => s.Split(' ')[2]), Is.EqualTo(new[] { "502", "503", "200" }));
    }

    [Test]
    public async Task WhenRetriesAreExhausted_TheUserHandlerSawEveryAttempt_AndTheCallerGetsTheClerkException()
    {
        var seen = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddClerk(Configuration(("Clerk:Retry:MaxRetries", "2"))).AddHttpMessageHandler(() => new RecordingHandler(seen));
        using var provider = services.BuildServiceProvider();
        _api.FailNext(503, 503, 503);

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => provider.GetRequiredService<IUsersClient>().GetAsync("user_1", cancellationToken: CancellationToken.None));

        Assert.That(ex!.Attempts, Is.EqualTo(3));
        Assert.That(seen, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task TheFactorysLogging_WrapsTheSdkPipeline_LogicalOncePerCall_ClientOncePerAttempt()
    {
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddClerk(Configuration());
        using var provider = services.BuildServiceProvider();
        _api.FailNext(503);

        await provider.GetRequiredService<IUsersClient>().GetAsync("user_1", cancellationToken: CancellationToken.None);

        var logical = logs.Messages.Count(m => m.Contains("System.Net.Http.HttpClient.Clerk.LogicalHandler", StringComparison.Ordinal) && m.Contains("End processing", StringComparison.Ordinal));
        var attempts = logs.Messages.Count(m => m.Contains("System.Net.Http.HttpClient.Clerk.ClientHandler", StringComparison.Ordinal) && m.Contains("Received HTTP response", StringComparison.Ordinal));
        Assert.That((logical, attempts), Is.EqualTo((1, 2)), string.Join("\n", logs.Messages));
        Assert.That(logs.Messages.Where(m => m.Contains(SecretKey, StringComparison.Ordinal)), Is.Empty, "the secret key is never logged");
    }

    [Test]
    public async Task TheSingletonClerkClient_FollowsTheFactorysHandlerRotation()
    {
        var created = 0;
        var seen = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddClerk(Configuration())
            .SetHandlerLifetime(TimeSpan.FromSeconds(1))
            .AddHttpMessageHandler(() =>
            {
                Interlocked.Increment(ref created);
                return new RecordingHandler(seen);
            });
        using var provider = services.BuildServiceProvider();
        var clerk = provider.GetRequiredService<ClerkClient>();

        await clerk.Users.GetAsync("user_1", cancellationToken: CancellationToken.None);
        Assert.That(created, Is.EqualTo(1));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Volatile.Read(ref created) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            await clerk.Users.GetAsync("user_1", cancellationToken: CancellationToken.None);
        }

        Assert.That(created, Is.GreaterThanOrEqualTo(2), "a new handler chain after the handler lifetime");
        Assert.That(provider.GetRequiredService<ClerkClient>(), Is.SameAs(clerk));
    }

    [Test]
    public async Task AClerkClient_OverAnHttpClientFromTheFactory_DoesNotDisposeIt()
    {
        var services = new ServiceCollection();
        services.AddClerk(Configuration());
        using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClerkServiceCollectionExtensions.HttpClientName);
        var options = provider.GetRequiredService<IOptions<ClerkClientOptions>>().Value;

        using (var clerk = new ClerkClient(http, options))
        {
            await clerk.Users.GetAsync("user_1", cancellationToken: CancellationToken.None);
        }
        _api.FailNext(503);
        using var again = new ClerkClient(http, options);
        var user = await again.Users.GetAsync("user_2", cancellationToken: CancellationToken.None);   // the named client carries the SDK's retries

        Assert.That(user.Id, Is.EqualTo("user_2"));
        Assert.That(http.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan), "the SDK pipeline owns the timeouts");
    }

    [Test]
    public void TheConfigurationSection_BindsClientAndVerifierOptions()
    {
        var services = new ServiceCollection();
        services.AddClerk(Configuration(
            ("Clerk:ApiVersion", "2024-10-01"),
            ("Clerk:Timeout", "00:00:07"),
            ("Clerk:Retry:MaxRetries", "1"),
            ("Clerk:AuthorizedParties:0", null),
            ("Clerk:AuthorizedParties", "https://a.example, https://b.example"),
            ("Clerk:AllowedAlgorithms", "RS256,ES256"),
            ("Clerk:AcceptedTokenTypes", "SessionToken, ApiKey"),
            ("Clerk:ClockSkew", "00:00:02"),
            ("Clerk:Audience", "https://api.example.com"),
            ("Clerk:Domain", "sat.example.net"),
            ("Clerk:IsSatellite", "true"),
            ("Clerk:ProxyUrl", "/__clerk"),
            ("Clerk:TrustForwardedHeaders", "true")));
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IOptions<ClerkClientOptions>>().Value;
        var verifier = provider.GetRequiredService<IOptions<ClerkTokenVerifierOptions>>().Value;
        Assert.Multiple(() =>
        {
            Assert.That(client.SecretKey, Is.EqualTo(SecretKey));
            Assert.That(client.ApiUrl, Is.EqualTo(_api.Url));
            Assert.That(client.ApiVersion, Is.EqualTo("2024-10-01"));
            Assert.That(client.Timeout, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(client.Retry.MaxRetries, Is.EqualTo(1));
            Assert.That(client.LoggerFactory, Is.Not.Null, "the container's logging");
            Assert.That(verifier.JwtKey, Is.EqualTo(Tokens.Pem));
            Assert.That(verifier.AuthorizedParties, Is.EqualTo(new[] { "https://a.example", "https://b.example" }));
            Assert.That(verifier.AllowedAlgorithms, Is.EqualTo(new[] { "RS256", "ES256" }));
            Assert.That(verifier.AcceptedTokenTypes, Is.EqualTo(ClerkTokenTypes.SessionToken | ClerkTokenTypes.ApiKey));
            Assert.That(verifier.ClockSkew, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(verifier.Audience, Is.EqualTo(new[] { "https://api.example.com" }));
            Assert.That((verifier.Domain, verifier.IsSatellite, verifier.ProxyUrl, verifier.TrustForwardedHeaders), Is.EqualTo(("sat.example.net", true, "/__clerk", true)));
        });
    }

    [Test]
    public void AddClerk_TakesTheRootConfiguration_OrTheSectionItself()
    {
        var root = Configuration();
        foreach (var configuration in new[] { root, root.GetSection("Clerk") })
        {
            var services = new ServiceCollection();
            services.AddClerk(configuration);
            using var provider = services.BuildServiceProvider();
            Assert.That(provider.GetRequiredService<IOptions<ClerkClientOptions>>().Value.SecretKey, Is.EqualTo(SecretKey));
        }
    }

    [Test]
    public async Task AddClerk_InCode_WithTheVerifiersOptions()
    {
        var services = new ServiceCollection();
        services.AddClerk(
            options =>
            {
                options.SecretKey = SecretKey;
                options.ApiUrl = _api.Url + "/v1";
            },
            verifier =>
            {
                verifier.JwtKey = Tokens.Pem;
                verifier.AuthorizedParties.Add(Tokens.Party);
            });
        using var provider = services.BuildServiceProvider();

        var state = await provider.GetRequiredService<ClerkTokenVerifier>().AuthenticateTokenAsync(Tokens.Valid(), CancellationToken.None);
        var user = await provider.GetRequiredService<IUsersClient>().GetAsync("user_9", cancellationToken: CancellationToken.None);

        Assert.That(state.IsSignedIn, Is.True, state.ToString());
        Assert.That(state.Session!.UserId, Is.EqualTo(Tokens.UserId));
        Assert.That(user.Id, Is.EqualTo("user_9"));
    }

    [Test]
    public void AddClerkTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();
        services.AddClerk(Configuration());
        services.AddClerk(options => options.Retry.MaxRetries = 0);
        Assert.Multiple(() =>
        {
            Assert.That(services.Count(d => d.ServiceType == typeof(ClerkClient)), Is.EqualTo(1));
            Assert.That(services.Count(d => d.ServiceType == typeof(IUsersClient)), Is.EqualTo(1));
            Assert.That(services.Count(d => d.ServiceType == typeof(ClerkTokenVerifier)), Is.EqualTo(1));
        });
        using var provider = services.BuildServiceProvider();
        Assert.That(provider.GetRequiredService<IOptions<ClerkClientOptions>>().Value.Retry.MaxRetries, Is.EqualTo(0), "the later configuration wins");
    }

    [Test]
    public void AFakeClerkClientRegisteredFirst_IsKept_AndBacksTheResourceInterfaces()
    {
        var fake = new FakeClerk();
        var services = new ServiceCollection();
        services.AddSingleton<ClerkClient>(fake);
        services.AddClerk(Configuration());
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<ClerkClient>(), Is.SameAs(fake));
        Assert.That(provider.GetRequiredService<IUsersClient>(), Is.SameAs(fake.Users));
    }

    private sealed class FakeClerk : ClerkClient
    {
        private readonly IUsersClient _users = new MockUsers();

        public override IUsersClient Users => _users;

        /// <summary>A mock through the generated client's protected constructor: no connection, nothing sent.</summary>
        private sealed class MockUsers : UsersClient
        {
        }
    }
}
