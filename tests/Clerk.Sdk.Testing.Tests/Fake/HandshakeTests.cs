using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.Authentication;
using Clerk.BackendApi;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Fake;

/// <summary>
/// The fake's Frontend API handshake with the SDK's verifier on loopback: an expired cookie on a page request is sent to
/// the fake's <c>/v1/client/handshake</c>, which sends the browser back with a signed handshake carrying a fresh session
/// cookie; a session revoked meanwhile comes back signed out.
/// </summary>
public sealed class HandshakeTests
{
    private static ClerkAuthenticationRequest Page(string url, string cookie)
    {
        var request = new ClerkAuthenticationRequest(new Uri(url));
        request.Headers["Sec-Fetch-Dest"] = "document";
        request.Headers["Accept"] = "text/html";
        request.Headers["Cookie"] = cookie;
        return request;
    }

    private static async Task<(ClerkTokenVerifier Verifier, string Cookie, string SessionId, Clerk.Testing.FakeClerkServer Fake)> SignedInBrowserAsync()
    {
        var fake = await Clerk.Testing.FakeClerkServer.StartOnLoopbackAsync();
        using var clerk = fake.CreateClient();
        var user = await clerk.Users.CreateAsync(new CreateUserRequest { EmailAddress = ["ada@example.com"] });
        var session = await clerk.Sessions.CreateAsync(new CreateSessionRequest { UserId = user.Id });
        // What an idle tab holds: a session token that expired a while ago.
        var expired = fake.CreateSessionToken(user.Id, options: new Clerk.Testing.FakeSessionTokenOptions { SessionId = session.Id, Lifetime = TimeSpan.FromSeconds(-30) });
        var options = fake.CreateTokenVerifierOptions();
        options.JwtKey = fake.JwtPublicKeyPem;
        var verifier = new ClerkTokenVerifier(options);
        var signedInAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600;
        return (verifier, $"__session={expired}; __client_uat={signedInAt}; __clerk_db_jwt=dvb_2browser", session.Id, fake);
    }

    private static async Task<Uri> FollowHandshakeAsync(string location)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var response = await http.GetAsync(location);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect), await response.Content.ReadAsStringAsync());
        return response.Headers.Location!;
    }

    [Test]
    public async Task AnExpiredCookie_GoesThroughTheFakesHandshake_AndComesBackSignedIn()
    {
        var (verifier, cookie, sessionId, fake) = await SignedInBrowserAsync();
        await using var _ = fake;

        var first = await verifier.AuthenticateRequestAsync(Page("https://app.example.test/dashboard?tab=1", cookie));
        Assert.That(first.Status, Is.EqualTo(ClerkAuthStatus.Handshake));
        Assert.That(first.RedirectLocation, Does.StartWith(fake.FrontendApiProxyUrl + "/v1/client/handshake?"));

        var back = await FollowHandshakeAsync(first.RedirectLocation!);
        Assert.That(back.GetLeftPart(UriPartial.Path), Is.EqualTo("https://app.example.test/dashboard"));

        var second = await verifier.AuthenticateRequestAsync(Page(back.ToString(), cookie));
        Assert.Multiple(() =>
        {
            Assert.That(second.Status, Is.EqualTo(ClerkAuthStatus.SignedIn), second.ToString());
            Assert.That(second.Session!.SessionId, Is.EqualTo(sessionId));
            var setCookies = second.Headers.Where(h => h.Key == "Set-Cookie").Select(h => h.Value).ToList();
            Assert.That(setCookies, Has.Some.StartsWith("__session=ey"), "a fresh session token");
            Assert.That(setCookies, Has.Some.StartsWith("__clerk_db_jwt=dvb_2browser"), "the development browser stays");
            Assert.That(second.RedirectLocation, Is.EqualTo("https://app.example.test/dashboard?tab=1"), "a development instance redirects to the URL without the handshake");
        });
    }

    [Test]
    public async Task ASessionRevokedMeanwhile_ComesBackSignedOut()
    {
        var (verifier, cookie, sessionId, fake) = await SignedInBrowserAsync();
        await using var _ = fake;
        using (var clerk = fake.CreateClient())
        {
            await clerk.Sessions.RevokeAsync(sessionId);
        }

        var first = await verifier.AuthenticateRequestAsync(Page("https://app.example.test/", cookie));
        var back = await FollowHandshakeAsync(first.RedirectLocation!);
        var second = await verifier.AuthenticateRequestAsync(Page(back.ToString(), cookie));

        Assert.That((second.Status, second.AuthReason), Is.EqualTo((ClerkAuthStatus.SignedOut, "session-token-missing")));
        Assert.That(second.Headers.Where(h => h.Key == "Set-Cookie").Select(h => h.Value), Has.Some.StartsWith("__client_uat=0"));
    }

    [Test]
    public async Task TheHandshake_RefusesARedirectUrlThatIsNotAnAbsoluteHttpUrl()
    {
        await using var fake = await Clerk.Testing.FakeClerkServer.StartOnLoopbackAsync();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        using var response = await http.GetAsync(fake.FrontendApiProxyUrl + "/v1/client/handshake?redirect_url=javascript:alert(1)");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
