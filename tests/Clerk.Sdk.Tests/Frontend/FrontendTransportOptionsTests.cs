using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Clerk.Http;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Frontend;

/// <summary>
/// The Frontend API client's transport settings are <see cref="ClerkClientOptionsBase"/>'s, the Backend API client's own:
/// the pipeline is built from the Frontend options themselves, so every one of them applies.
/// </summary>
public class FrontendTransportOptionsTests
{
    private const string Host = "example-destined-camel-13.clerk.accounts.dev";
    private static readonly string PublishableKey = "pk_test_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Host + "$"));

    [Test]
    public void ABodyOverMaxResponseBodyBytes_IsRefused_NotRetried()
    {
        var requests = 0;
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, $"https://{Host}/v1/me/sessions/active").Respond(_ =>
        {
            requests++;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[" + new string(' ', 5000) + "]", Encoding.UTF8, "application/json") };
        });
        using var clerk = new ClerkFrontendClient(new ClerkFrontendClientOptions
        {
            PublishableKey = PublishableKey, HttpMessageHandler = mock, MaxResponseBodyBytes = 1024,
        });

        var ex = Assert.ThrowsAsync<ClerkException>(() => clerk.Me.Sessions.ListActiveAsync());

        Assert.That(ex!.Message, Does.Contain("MaxResponseBodyBytes").And.Contain("1024 bytes"));
        Assert.That(requests, Is.EqualTo(1));
    }

    [Test]
    public async Task ABodyUnderMaxResponseBodyBytes_IsRead()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, $"https://{Host}/v1/me/sessions/active").Respond("application/json", "[" + new string(' ', 500) + "]");
        using var clerk = new ClerkFrontendClient(new ClerkFrontendClientOptions
        {
            PublishableKey = PublishableKey, HttpMessageHandler = mock, MaxResponseBodyBytes = 1024,
        });

        Assert.That(await clerk.Me.Sessions.ListActiveAsync(), Is.Empty);
    }

    [Test]
    public void BothClientsOptions_ShareOneBase_WithTheSameDefaults()
    {
        ClerkClientOptionsBase backend = new ClerkClientOptions();
        ClerkClientOptionsBase frontend = new ClerkFrontendClientOptions();

        foreach (var options in new[] { backend, frontend })
        {
            Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(100)));
            Assert.That(options.MaxResponseBodyBytes, Is.EqualTo(ClerkClientOptionsBase.DefaultMaxResponseBodyBytes).And.EqualTo(32L * 1024 * 1024));
            Assert.That(options.Retry.MaxRetries, Is.EqualTo(3));
            Assert.That(options.TimeProvider, Is.SameAs(TimeProvider.System));
            Assert.That(options.LoggerFactory, Is.Null);
            Assert.That(options.HttpClient, Is.Null);
            Assert.That(options.HttpMessageHandler, Is.Null);
        }
        Assert.That(frontend.Retry, Is.Not.SameAs(backend.Retry));
    }

    [Test]
    public void ThePipeline_IsBuiltFromTheFrontendOptions()
    {
        var options = new ClerkFrontendClientOptions { PublishableKey = PublishableKey };
        Assert.That(ClerkHttpPipeline.CreateHandlers(options), Has.Length.EqualTo(2));

        options.Retry = new ClerkRetryOptions { MaxRetries = -1 };
        var ex = Assert.Throws<ClerkConfigurationException>(() => new ClerkFrontendClient(options).Dispose());
        Assert.That(ex!.Message, Does.Contain("MaxRetries"), "the pipeline checks the Frontend options' own retry policy");
    }
}
