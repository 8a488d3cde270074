using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Client;

[NonParallelizable] // sets process environment variables
public class ClerkClientTests
{
    private const string Key = "sk_test_Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA";

    [TestCase("https://api.clerk.com", "https://api.clerk.com/v1/users/u")]
    [TestCase("https://api.clerk.com/", "https://api.clerk.com/v1/users/u")]
    [TestCase("https://api.clerk.com/v1", "https://api.clerk.com/v1/users/u")]
    [TestCase("http://127.0.0.1:5055/v1/", "http://127.0.0.1:5055/v1/users/u")]
    [TestCase("https://clerk.internal.example/proxy/v1", "https://clerk.internal.example/proxy/v1/users/u")]
    public async Task FromEnvironment_ReadsKeyAndApiUrl(string apiUrl, string expected)
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, expected).WithHeaders("Authorization", "Bearer " + Key).Respond("application/json", "{\"id\":\"u\"}");
        Environment.SetEnvironmentVariable("CLERK_SECRET_KEY", Key);
        Environment.SetEnvironmentVariable("CLERK_API_URL", apiUrl);
        try
        {
            using var fromEnvironment = ClerkClient.FromEnvironment();
            Assert.That(fromEnvironment.Options.ApiUrl, Is.EqualTo(apiUrl));
            // Same settings, with the mock as transport.
            using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = Key, ApiUrl = apiUrl, HttpMessageHandler = mock });
            var user = await clerk.Users.GetAsync("u");
            Assert.That(user.Id, Is.EqualTo("u"));
            mock.VerifyNoOutstandingExpectation();
        }
        finally
        {
            Environment.SetEnvironmentVariable("CLERK_SECRET_KEY", null);
            Environment.SetEnvironmentVariable("CLERK_API_URL", null);
        }
    }

    [Test]
    public void FromEnvironment_WithoutAKey_SaysWhichVariable()
    {
        Environment.SetEnvironmentVariable("CLERK_SECRET_KEY", null);
        var ex = Assert.Throws<ClerkConfigurationException>(() => ClerkClient.FromEnvironment());
        Assert.That(ex!.Message, Does.Contain("CLERK_SECRET_KEY"));
    }

    [TestCase("ftp://api.clerk.com")]
    [TestCase("api.clerk.com/v1")]
    [TestCase("")]
    public void AMalformedBaseUrl_FailsAtConstruction(string url)
    {
        var ex = Assert.Throws<ClerkConfigurationException>(() => new ClerkClient(new ClerkClientOptions { SecretKey = Key, ApiUrl = url }));
        Assert.That(ex!.Message, Does.Contain("base URL").And.Not.Contain(Key));
    }

    [Test]
    public async Task ACallersHttpClientIsUsedAsIs_AndStillGetsTheClerkHeaders()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Post, "https://api.clerk.com/v1/sessions/sess_1/revoke")
            .WithHeaders("Authorization", "Bearer " + Key)
            .WithHeaders("Clerk-API-Version", "2024-10-01")
            .With(r => r.Headers.UserAgent.ToString().StartsWith("Clerk.Sdk/", StringComparison.Ordinal))
            .Respond("application/json", "{\"id\":\"sess_1\",\"status\":\"revoked\"}");
        mock.Fallback.Respond(System.Net.HttpStatusCode.NoContent);
        using var http = mock.ToHttpClient();
        using (var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = Key, ApiVersion = "2024-10-01", HttpClient = http }))
        {
            var session = await clerk.Sessions.RevokeAsync("sess_1");
            Assert.That(session.Status, Is.EqualTo(Clerk.BackendApi.SessionStatus.Revoked));
        }
        mock.VerifyNoOutstandingExpectation();
        Assert.That(http.DefaultRequestHeaders.Authorization, Is.Null, "the caller's HttpClient is not mutated");
        Assert.DoesNotThrowAsync(() => http.GetAsync("https://example.invalid/"), "disposing ClerkClient leaves the caller's HttpClient alive");
    }

    [Test]
    public void ResourceClientsAreCreatedOnceAndTypedAsInterfaces()
    {
        using var clerk = new ClerkClient(Key);
        var first = clerk.Users;
        Assert.That(clerk.Users, Is.SameAs(first));
        Assert.That(typeof(ClerkClient).GetProperty(nameof(ClerkClient.Users))!.PropertyType, Is.EqualTo(typeof(Clerk.BackendApi.IUsersClient)));
    }

    [Test]
    public void NothingPrintsTheSecretKey()
    {
        var options = new ClerkClientOptions { SecretKey = Key };
        using var clerk = new ClerkClient(options);
        Assert.That(clerk.ToString(), Does.Not.Contain(Key));
        Assert.That(options.ToString(), Does.Not.Contain(Key).And.Contain("hidden"));
        Assert.That(ClerkClient.UserAgent.Select(p => p.ToString()).First(), Does.StartWith("Clerk.Sdk/"));
    }
}
