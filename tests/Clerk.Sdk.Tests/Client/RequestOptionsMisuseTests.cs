using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Client;

/// <summary>
/// Per-call options that belong to the other API, or a per-call key that is malformed, are refused before anything is
/// sent, with a message that says which setting is wrong and never shows the key.
/// </summary>
public class RequestOptionsMisuseTests
{
    private static ClerkClient Backend(MockHttpMessageHandler mock) => new(new ClerkClientOptions { SecretKey = "sk_test_misuse", HttpMessageHandler = mock });

    [Test]
    public void ASessionId_OnABackendCall_IsRefused()
    {
        using var mock = new MockHttpMessageHandler();
        using var clerk = Backend(mock);
        var error = Assert.ThrowsAsync<ClerkConfigurationException>(() => clerk.Users.GetAsync("user_1", requestOptions: new ClerkRequestOptions { SessionId = "sess_1" }))!;
        Assert.That(error.Message, Is.EqualTo("ClerkRequestOptions.SessionId is for the Frontend API; a Backend API operation names its session in its parameters."));
    }

    [Test]
    public void AMalformedMachineKey_PerCall_IsRefusedWithoutShowingIt()
    {
        using var mock = new MockHttpMessageHandler();
        using var clerk = Backend(mock);
        var error = Assert.ThrowsAsync<ClerkConfigurationException>(() => clerk.Users.GetAsync("user_1", requestOptions: new ClerkRequestOptions { SecretKey = "ak_bad key" }))!;
        Assert.That(error.Message, Is.EqualTo("ClerkRequestOptions.SecretKey is malformed: it contains whitespace, control or non-ASCII characters (the value is not shown)."));
    }

    [Test]
    public void ASecretKey_OnAFrontendCall_IsRefused()
    {
        using var mock = new MockHttpMessageHandler();
        using var frontend = new ClerkFrontendClient(new ClerkFrontendClientOptions { PublishableKey = PublishableKey.FromFrontendApiHost("clerk.example.com").Value, HttpMessageHandler = mock });
        var error = Assert.ThrowsAsync<ClerkConfigurationException>(() => frontend.Client.GetAsync(requestOptions: new ClerkRequestOptions { SecretKey = "sk_test_misuse" }))!;
        Assert.That(error.Message, Is.EqualTo("ClerkRequestOptions.SecretKey is for the Backend API; a Frontend API call authenticates with the client token."));
        Assert.That(error.Message, Does.Not.Contain("sk_test_misuse"));
    }
}
