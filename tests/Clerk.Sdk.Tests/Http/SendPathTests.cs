using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.Http;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Http;

/// <summary>
/// The one send path's status rules: an operation that answers with a redirect returns it for 2xx and 3xx and fails
/// for 4xx/5xx; any other operation fails for a 3xx; an error without a reason phrase still says what failed.
/// </summary>
public class SendPathTests
{
    private static ClerkFrontendClient Frontend(MockHttpMessageHandler mock) =>
        new(new ClerkFrontendClientOptions { PublishableKey = PublishableKey.FromFrontendApiHost("clerk.example.com").Value, HttpMessageHandler = mock });

    [TestCase(HttpStatusCode.Redirect, true)]
    [TestCase(HttpStatusCode.TemporaryRedirect, true)]
    [TestCase(HttpStatusCode.OK, true)]
    [TestCase(HttpStatusCode.BadRequest, false)]
    [TestCase(HttpStatusCode.InternalServerError, false)]
    public async Task ARedirectOperation_ReturnsSuccessesAndRedirects_AndFailsOtherwise(HttpStatusCode status, bool returned)
    {
        using var mock = new MockHttpMessageHandler();
        mock.Fallback.Respond(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent("") };
            response.Headers.Location = new Uri("https://app.example.com/done");
            return response;
        });
        using var frontend = Frontend(mock);
        if (returned)
        {
            var redirect = await frontend.Client.SyncAsync(new Clerk.FrontendApi.ClientSyncOptions { RedirectUrl = "https://app.example.com/done" });
            Assert.That(redirect, Is.Not.Null);
        }
        else
        {
            var error = Assert.ThrowsAsync<ClerkApiException>(() => frontend.Client.SyncAsync(new Clerk.FrontendApi.ClientSyncOptions { RedirectUrl = "https://app.example.com/done" }))!;
            Assert.That(error.StatusCode, Is.EqualTo(status));
        }
    }

    [Test]
    public void AnotherOperation_AnsweredWithARedirect_Fails()
    {
        using var mock = new MockHttpMessageHandler();
        mock.Fallback.Respond(_ => new HttpResponseMessage(HttpStatusCode.Found) { Content = new StringContent("") });
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_send_path", HttpMessageHandler = mock });
        var error = Assert.ThrowsAsync<ClerkApiException>(() => clerk.Users.GetAsync("user_1"))!;
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Found));
    }

    [TestCase("", "Clerk API request failed (Users.Get GET /users/{user_id}) (HTTP 500)")]
    [TestCase("Server Error", "Clerk API request failed: Server Error (Users.Get GET /users/{user_id}) (HTTP 500)")]
    public void AnError_SaysWhatFailed_WithOrWithoutAReasonPhrase(string phrase, string start)
    {
        using var mock = new MockHttpMessageHandler();
        mock.Fallback.Respond(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError) { ReasonPhrase = phrase, Content = new StringContent("") });
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_send_path", HttpMessageHandler = mock, Retry = new ClerkRetryOptions { MaxRetries = 0 } });
        Assert.That(Assert.ThrowsAsync<ClerkApiException>(() => clerk.Users.GetAsync("user_1"))!.Message, Does.StartWith(start));
    }

    [Test]
    public void AnOperation_NeedsAMethod() =>
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new ClerkOperation("Users", "Get", "", "/users", null, null, "application/json", ClerkResultKind.Json))!.ParamName, Is.EqualTo("method"));

    /// <summary>What every Backend API request carries: JSON accepted, a User-Agent of space-separated product tokens, and a per-call header replacing the SDK's own.</summary>
    [Test]
    public async Task TheRequestHeaders_AreTheSdksUnlessTheCallReplacesOne()
    {
        using var mock = new MockHttpMessageHandler();
        HttpRequestMessage? seen = null;
        mock.Fallback.Respond(request =>
        {
            seen = request;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"user_1","object":"user"}""", System.Text.Encoding.UTF8, "application/json") };
        });
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_send_path", HttpMessageHandler = mock });

        await clerk.Users.GetAsync("user_1");
        Assert.That(seen!.Headers.Accept.Select(a => a.MediaType), Is.EqualTo(new[] { "application/json" }));
        Assert.That(string.Join(" ", seen.Headers.GetValues("User-Agent")), Does.Match(@"^Clerk\.Sdk/\S+ \S+"));

        var options = new ClerkRequestOptions();
        options.Headers["Clerk-API-Version"] = "2025-04-10";
        await clerk.Users.GetAsync("user_1", requestOptions: options);
        Assert.That(seen!.Headers.GetValues("Clerk-API-Version"), Is.EqualTo(new[] { "2025-04-10" }));
    }
}
