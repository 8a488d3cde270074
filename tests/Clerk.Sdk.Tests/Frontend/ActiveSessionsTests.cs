using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Clerk.FrontendApi;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Frontend;

/// <summary>The Frontend API's Active Sessions capability, as a native app calls it.</summary>
public class ActiveSessionsTests
{
    private const string Host = "example-destined-camel-13.clerk.accounts.dev";
    private const string ClientToken = "eyJhbGciOiJSUzI1NiJ9.eyJpZCI6ImNsaWVudF8xIn0.c2lnbmF0dXJl";
    private static readonly string PublishableKey = "pk_test_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Host + "$"));
    private static readonly string Api = $"https://{Host}/v1";

    private const string Session = """
        { "id": "sess_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "object": "session", "status": "active", "expire_at": 1893456000000,
          "abandon_at": 1896048000000, "last_active_at": 1764000000000, "created_at": 1763000000000, "updated_at": 1764000000000,
          "factor_verification_age": [5, -1], "public_user_data": { "first_name": "Ada", "identifier": "ada@example.com", "has_image": false },
          "latest_activity": { "object": "session_activity", "id": "sess_activity_1", "device_type": "Macintosh", "is_mobile": false, "browser_name": "Chrome" } }
        """;

    private static (ClerkFrontendClient Clerk, MockHttpMessageHandler Mock) Create(string? sessionId = "sess_2xhFjEI5X2qWRvtV13BzSj8H6Dk")
    {
        var mock = new MockHttpMessageHandler();
        mock.Fallback.ThrowMatchSummary();
        var clerk = new ClerkFrontendClient(new ClerkFrontendClientOptions
        {
            PublishableKey = PublishableKey, ClientToken = ClientToken, SessionId = sessionId, HttpMessageHandler = mock,
            Retry = new ClerkRetryOptions { MaxRetries = 0 },
        });
        return (clerk, mock);
    }

    private static MockedRequest ExpectNative(MockHttpMessageHandler mock, HttpMethod method, string path, bool withSession = true) =>
        mock.Expect(method, Api + path)
            .WithExactQueryString("_is_native=true&__clerk_api_version=2025-11-10" + (withSession ? "&_clerk_session_id=sess_2xhFjEI5X2qWRvtV13BzSj8H6Dk" : ""))
            .WithHeaders("Authorization", "Bearer " + ClientToken)
            .With(r => r.Headers.UserAgent.ToString().StartsWith("Clerk.Sdk/", StringComparison.Ordinal));

    [Test]
    public async Task ListActive_GetsTheUsersActiveSessionsWithTheirActivity()
    {
        var (clerk, mock) = Create();
        using var _ = clerk;
        ExpectNative(mock, HttpMethod.Get, "/me/sessions/active").Respond("application/json", "[" + Session + "]");

        var sessions = await clerk.Me.Sessions.ListActiveAsync();

        mock.VerifyNoOutstandingExpectation();
        Assert.That(sessions, Has.Count.EqualTo(1));
        Assert.That(sessions[0].Id, Is.EqualTo("sess_2xhFjEI5X2qWRvtV13BzSj8H6Dk"));
        Assert.That(sessions[0].Status.Value, Is.EqualTo("active"));
        Assert.That(sessions[0].ExpireAt, Is.EqualTo(1893456000000L));
        Assert.That(sessions[0].LatestActivity!.BrowserName, Is.EqualTo("Chrome"));
    }

    [Test]
    public async Task List_GetsEverySessionOfTheUser()
    {
        var (clerk, mock) = Create(sessionId: null);
        using var _ = clerk;
        ExpectNative(mock, HttpMethod.Get, "/me/sessions", withSession: false).Respond("application/json", "[" + Session + "," + Session.Replace("\"active\"", "\"ended\"") + "]");

        var sessions = await clerk.Me.Sessions.ListAsync();

        mock.VerifyNoOutstandingExpectation();
        Assert.That(sessions, Has.Count.EqualTo(2));
        Assert.That(sessions[1].Status.Value, Is.EqualTo("ended"));
        Assert.That(sessions[0].PublicUserData.Identifier, Is.EqualTo("ada@example.com"));
        Assert.That(sessions[0].FactorVerificationAge, Is.EqualTo(new[] { 5L, -1L }));
    }

    [Test]
    public async Task Revoke_PostsToTheSession_AndKeepsTheRotatedClientToken()
    {
        var (clerk, mock) = Create();
        using var _ = clerk;
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("{ \"response\": " + Session.Replace("\"active\"", "\"revoked\"") + ", \"client\": null }", Encoding.UTF8, "application/json"),
        };
        response.Headers.TryAddWithoutValidation("Authorization", "eyJ.rotated.token");
        ExpectNative(mock, HttpMethod.Post, "/me/sessions/sess_other/revoke").Respond(_ => response);

        var revoked = await clerk.Me.Sessions.RevokeAsync("sess_other");

        mock.VerifyNoOutstandingExpectation();
        Assert.That(revoked.Response.Status.Value, Is.EqualTo("revoked"));
        Assert.That(clerk.ClientToken, Is.EqualTo("eyJ.rotated.token"), "Clerk rotates the client token in the Authorization response header");
    }

    [Test]
    public void AnErrorIsAClerkApiException_AndNothingPrintsTheClientToken()
    {
        var (clerk, mock) = Create();
        using var _ = clerk;
        ExpectNative(mock, HttpMethod.Get, "/me/sessions/active")
            .Respond(HttpStatusCode.Unauthorized, "application/json", """{ "errors": [ { "code": "authentication_invalid", "message": "Unauthorized request", "long_message": "You are not signed in." } ], "clerk_trace_id": "t_1" }""");

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => clerk.Me.Sessions.ListActiveAsync());

        Assert.That(ex!.Code, Is.EqualTo("authentication_invalid"));
        Assert.That(ex.TraceId, Is.EqualTo("t_1"));
        Assert.That(ex.ToString() + clerk + new ClerkFrontendClientOptions { ClientToken = ClientToken }, Does.Not.Contain(ClientToken));
    }

    [Test]
    public void TheWholeFrontendApiIsGenerated()
    {
        var methods = 0;
        foreach (var property in typeof(ClerkFrontendClient).GetProperties())
        {
            if (property.PropertyType.Namespace != "Clerk.FrontendApi" || !property.PropertyType.IsInterface) continue;
            foreach (var method in property.PropertyType.GetMethods())
            {
                if (method.Name.EndsWith("Async", StringComparison.Ordinal)) methods++;
            }
        }
        // 192 operations; the one list operation adds its paged and all-pages forms.
        Assert.That(methods, Is.GreaterThanOrEqualTo(192));
        Assert.That(clerkResources(), Does.Contain("ActiveSessions").And.Contain("SignIns").And.Contain("Client"));

        static string[] clerkResources() => Array.ConvertAll(typeof(ClerkFrontendClient).GetProperties(), p => p.Name);
    }
}
