using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Clerk.Sdk.Tests.Resilience;
using Clerk.Sdk.Tests.Support;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Frontend;

/// <summary>
/// Regression tests for the Frontend API defects the conformance suite (tests/Clerk.Sdk.ConformanceTests) found against
/// Prism: urlencoded forms, credentials per the operation's security, redirects as results, JSON errors beside HTML.
/// Each would fail again if its fix were undone.
/// </summary>
public class FrontendConformanceFindingsTests
{
    private const string Host = "example-destined-camel-13.clerk.accounts.dev";
    private const string ClientToken = "eyJhbGciOiJSUzI1NiJ9.eyJpZCI6ImNsaWVudF8xIn0.c2lnbmF0dXJl";
    private const string Version = "__clerk_api_version=2025-11-10";
    private const string Native = "_is_native=true&" + Version;
    private static readonly string PublishableKey = "pk_test_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Host + "$"));
    private static readonly string Root = $"https://{Host}";

    private MockHttpMessageHandler _mock = null!;
    private ClerkFrontendClient _clerk = null!;

    [SetUp]
    public void SetUp()
    {
        _mock = new MockHttpMessageHandler();
        _mock.Fallback.ThrowMatchSummary();
        _clerk = Create(_mock, oauthClient: true);
    }

    [TearDown]
    public void TearDown()
    {
        _clerk.Dispose();
        _mock.Dispose();
    }

    [Test]
    public async Task AFormIsSentUrlEncoded_NotAsMultipart()
    {
        _mock.Expect(HttpMethod.Post, Root + "/v1/client/sign_ins").WithExactQueryString(Native)
            .With(r => r.Content is FormUrlEncodedContent && r.Content.Headers.ContentType!.MediaType == "application/x-www-form-urlencoded")
            .WithContent("strategy=password&identifier=ada%40example.com&password=p+w%26rd")
            .Respond("application/json", """{ "response": { "object": "sign_in_attempt", "id": "sia_1", "status": "needs_first_factor" }, "client": null }""");

        var signIn = await _clerk.SignIns.CreateAsync(new Clerk.FrontendApi.SignInCreateOptions { Strategy = "password", Identifier = "ada@example.com", Password = "p w&rd" });

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(signIn.Response.Id, Is.EqualTo("sia_1"));
    }

    [Test]
    public async Task AnArrayInAForm_IsOnePairPerItem()
    {
        _mock.Expect(HttpMethod.Post, Root + "/v1/organizations/org_1/invitations/bulk").WithExactQueryString(Native)
            .WithContent("email_address=a%40example.com&email_address=b%40example.com&role=org%3Amember")
            .Respond("application/json", """{ "response": [], "client": null }""");

        await _clerk.Invitations.BulkCreateOrganizationInvitationsAsync("org_1", ["a@example.com", "b@example.com"], "org:member");

        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task AnOptionalFormLeftEmpty_IsAnEmptyUrlEncodedBody()
    {
        _mock.Expect(HttpMethod.Patch, Root + "/v1/organizations/org_1").WithExactQueryString(Native)
            .With(r => r.Content is FormUrlEncodedContent && r.Content.Headers.ContentLength == 0)
            .Respond("application/json", """{ "response": { "object": "organization", "id": "org_1" }, "client": null }""");

        var organization = await _clerk.Organization.UpdateAsync("org_1");

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(organization.Response.Id, Is.EqualTo("org_1"));
    }

    [Test]
    public async Task AFormThatDeclaresNoFields_IsSentEmpty_WithoutABodyParameter()
    {
        _mock.Expect(HttpMethod.Post, Root + "/v1/client").WithExactQueryString(Native)
            .With(r => r.Content is FormUrlEncodedContent && r.Content.Headers.ContentLength == 0)
            .Respond("application/json", """{ "response": { "object": "client", "id": "client_2" }, "client": null }""");

        var client = await _clerk.Client.CreateAsync();

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(client.Response!.Id, Is.EqualTo("client_2"));
    }

    [Test]
    public async Task AMultipartUpload_StaysMultipart()
    {
        _mock.Expect(HttpMethod.Post, Root + "/v1/me/profile_image").WithExactQueryString(Native)
            .With(r => r.Content is MultipartFormDataContent)
            .Respond("application/json", """{ "response": { "object": "image", "id": "img_1" }, "client": null }""");

        await using var png = new System.IO.MemoryStream([0x89, 0x50, 0x4E, 0x47]);
        await _clerk.User.UpdateProfileImageAsync(new Clerk.FrontendApi.FileParameter(png, "me.png", "image/png"));

        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task APublicOperation_GetsNoCredential()
    {
        _mock.Expect(HttpMethod.Get, Root + "/.well-known/jwks.json").WithExactQueryString(Version)
            .With(r => r.Headers.Authorization is null)
            .Respond("application/json", """{ "keys": [] }""");

        await _clerk.WellKnown.GetJwksAsync();

        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task AnOAuthClientEndpoint_GetsTheOAuthClientsBasicCredentials_NotTheClientToken()
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("oauth_client_1:s3cr%2Ft"));
        _mock.Expect(HttpMethod.Post, Root + "/oauth/token/revoke").WithExactQueryString(Version)
            .WithHeaders("Authorization", "Basic " + basic)
            .WithContent("token=tok_1")
            .Respond(HttpStatusCode.OK);

        await _clerk.OAuth2IdentityProvider.RevokeOAuthTokenAsync("tok_1");

        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task AnOAuthClientEndpoint_WithoutOAuthCredentials_GetsNoCredential()
    {
        using var mock = new MockHttpMessageHandler();
        mock.Fallback.ThrowMatchSummary();
        using var clerk = Create(mock, oauthClient: false);
        mock.Expect(HttpMethod.Post, Root + "/oauth/token/revoke").WithExactQueryString(Version)
            .With(r => r.Headers.Authorization is null)
            .Respond(HttpStatusCode.OK);

        await clerk.OAuth2IdentityProvider.RevokeOAuthTokenAsync("tok_1");

        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task TheClientEndpoints_TakeTheClientToken_AsTheFixedSpecSays()
    {
        // openapi/overlays/fapi/30-spec-fixes.yaml: GET /v1/client listed only anonymous and dev-browser access.
        _mock.Expect(HttpMethod.Get, Root + "/v1/client").WithExactQueryString(Native)
            .WithHeaders("Authorization", "Bearer " + ClientToken)
            .Respond("application/json", """{ "response": { "object": "client", "id": "client_1" }, "client": null }""");

        var client = await _clerk.Client.GetAsync();

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(client.Response!.Id, Is.EqualTo("client_1"));
    }

    [Test]
    public async Task AnHtmlResult_IsReturnedAsText_AndJsonErrorsAreAccepted()
    {
        _mock.Expect(HttpMethod.Get, Root + "/v1/enterprise_connections/ec_1/test_runs/run_1")
            .With(r => r.Headers.Accept.Select(a => a.ToString()).SequenceEqual(["text/html", "application/json; q=0.9"]))
            .Respond("text/html", "<html>passed</html>");

        var page = await _clerk.EnterpriseConnections.GetTestRunResultAsync("ec_1", "run_1", "tok_1");

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(page, Is.EqualTo("<html>passed</html>"));
    }

    [Test]
    public void AJsonErrorOfAnHtmlOperation_IsAClerkApiException()
    {
        _mock.Expect(HttpMethod.Get, Root + "/v1/enterprise_connections/ec_1/test_runs/run_1")
            .Respond(HttpStatusCode.NotFound, "application/json", """{ "errors": [ { "code": "resource_not_found", "message": "not found" } ] }""");

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => _clerk.EnterpriseConnections.GetTestRunResultAsync("ec_1", "run_1", "tok_1"));

        Assert.That((int)ex!.StatusCode, Is.EqualTo(404));
        Assert.That(ex.Code, Is.EqualTo("resource_not_found"));
    }

    [Test]
    public async Task ARedirectOperation_ReturnsTheRedirect_OfAnyTransport()
    {
        _mock.Expect(HttpMethod.Get, Root + "/v1/client/sync")
            .Respond(_ => new HttpResponseMessage(HttpStatusCode.TemporaryRedirect) { Headers = { Location = new Uri("https://app.example.com/done?synced=1") } });

        var redirect = await _clerk.Client.SyncAsync(new Clerk.FrontendApi.ClientSyncOptions { RedirectUrl = "https://app.example.com/done" });

        _mock.VerifyNoOutstandingExpectation();
        Assert.That(redirect.StatusCode, Is.EqualTo(307));
        Assert.That(redirect.Location, Is.EqualTo(new Uri("https://app.example.com/done?synced=1")));
    }

    [Test]
    public async Task ARedirectOperation_ReturnsTheRedirect_WithoutFollowingIt()
    {
        // The SDK's own transport: a followed redirect would reach the server as a second request.
        await using var server = await LoopbackServer.StartAsync();
        server.Then(LoopbackServer.Reply(307, "", headers: ("Location", "/elsewhere?x=1")));
        using var clerk = new ClerkFrontendClient(new ClerkFrontendClientOptions
        {
            PublishableKey = PublishableKey, ClientToken = ClientToken, FrontendApiUrl = server.BaseUrl[..^"/v1".Length],
            Retry = new ClerkRetryOptions { MaxRetries = 0 },
        });

        var redirect = await clerk.Client.SyncAsync(new Clerk.FrontendApi.ClientSyncOptions { RedirectUrl = "https://app.example.com/done" });

        Assert.That(redirect.StatusCode, Is.EqualTo(307));
        Assert.That(redirect.Location, Is.EqualTo(new Uri(new Uri(server.BaseUrl), "/elsewhere?x=1")), "a relative Location is resolved against the request");
        Assert.That(server.Seen, Has.Count.EqualTo(1).And.Some.StartsWith("GET /v1/client/sync"));
    }

    [Test]
    public async Task ARedirectFromAnOperationThatDoesNotRedirect_IsAnError()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Then(LoopbackServer.Reply(307, "", headers: ("Location", "/v1/client")));
        using var clerk = new ClerkFrontendClient(new ClerkFrontendClientOptions
        {
            PublishableKey = PublishableKey, ClientToken = ClientToken, FrontendApiUrl = server.BaseUrl[..^"/v1".Length],
            Retry = new ClerkRetryOptions { MaxRetries = 0 },
        });

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => clerk.SignIns.CreateAsync(new Clerk.FrontendApi.SignInCreateOptions { Strategy = "password", Identifier = "ada@example.com", Password = "pw" }));

        Assert.That((int)ex!.StatusCode, Is.EqualTo(307));
        Assert.That(server.Seen, Has.Count.EqualTo(1), "a sign-in's body is not re-sent to wherever the redirect points");
    }

    [Test]
    public async Task TheBackendApi_SendsNoSecretKey_ToItsPublicOperation()
    {
        using var mock = ClerkMock.NewHandler();
        using var clerk = ClerkMock.NewClient(mock);
        mock.Expect(HttpMethod.Get, ClerkMock.ApiBase + "/public/interstitial")
            .With(r => r.Headers.Authorization is null)
            .Respond("text/html", "<html></html>");

        await clerk.Miscellaneous.GetPublicInterstitialAsync();

        mock.VerifyNoOutstandingExpectation();
    }

    private static ClerkFrontendClient Create(MockHttpMessageHandler mock, bool oauthClient) => new(new ClerkFrontendClientOptions
    {
        PublishableKey = PublishableKey,
        ClientToken = ClientToken,
        OAuthClientId = oauthClient ? "oauth_client_1" : null,
        OAuthClientSecret = oauthClient ? "s3cr/t" : null,
        HttpMessageHandler = mock,
        Retry = new ClerkRetryOptions { MaxRetries = 0 },
    });
}
