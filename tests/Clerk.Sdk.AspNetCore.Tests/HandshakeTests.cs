using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Clerk.AspNetCore;
using Clerk.Authentication;
using Clerk.Sdk.AspNetCore.Tests.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Clerk.Sdk.AspNetCore.Tests;

/// <summary>
/// Clerk's handshake in a real app on loopback Kestrel: a page request whose session cookie expired is redirected to the
/// Frontend API's handshake, comes back with a signed handshake (here minted as the Frontend API would, with the
/// instance's key), gets the fresh cookies and is signed in; an API request with the same cookie gets 401.
/// </summary>
[TestFixture]
public class HandshakeTests
{
    private static readonly string PublishableKey = "pk_live_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("clerk.example.com$"));

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    internal static Task<LoopbackApp> StartAppAsync(Action<ClerkAuthenticationOptions>? configure = null) => LoopbackApp.StartAsync(
        new Dictionary<string, string?>
        {
            ["Clerk:SecretKey"] = "sk_live_0123456789abcdefghijklmnop",
            ["Clerk:JwtKey"] = Tokens.Pem,
            ["Clerk:PublishableKey"] = PublishableKey,
            ["Clerk:AuthorizedParties:0"] = Tokens.Party,
        },
        builder =>
        {
            builder.Services.AddClerk(builder.Configuration);
            builder.Services.AddAuthentication(ClerkAuthenticationDefaults.AuthenticationScheme).AddClerk(configure);
            builder.Services.AddAuthorization();
        },
        app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/dashboard", (HttpContext context) => "hello " + context.User.Identity!.Name).RequireAuthorization();
            app.MapGet("/api/me", (HttpContext context) => context.User.Identity!.Name).RequireAuthorization();
        });

    private static HttpRequestMessage Page(Uri url, string? cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Sec-Fetch-Dest", "document");
        request.Headers.Add("Accept", "text/html");
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return request;
    }

    private static string Expired() => Tokens.Sign(Tokens.Claims().With("iat", Now - 300).With("nbf", Now - 300).With("exp", Now - 240));

    private static Dictionary<string, string> Query(Uri url) => url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");

    [Test]
    public async Task AnExpiredCookieOnAPage_IsRedirectedToTheHandshake_ComesBack_AndIsSignedIn()
    {
        await using var app = await StartAppAsync();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.Client.BaseAddress };
        var expired = Expired();
        var page = new Uri(app.Client.BaseAddress!, "/dashboard?tab=billing");

        // 1. The page request with the cookie of an idle tab: a redirect to the instance's Frontend API.
        using var first = await client.SendAsync(Page(page, $"__session={expired}; __client_uat={Now - 400}"));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
        var handshake = first.Headers.Location!;
        var query = Query(handshake);
        Assert.Multiple(() =>
        {
            Assert.That(handshake.GetLeftPart(UriPartial.Path), Is.EqualTo("https://clerk.example.com/v1/client/handshake"));
            Assert.That(query["redirect_url"], Is.EqualTo(page.ToString()));
            Assert.That(query["__session"], Is.EqualTo(expired), "Clerk refreshes the session of this token");
            Assert.That(query["__clerk_hs_reason"], Does.StartWith("session-token-expired"));
            Assert.That(first.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(first.Headers.GetValues("Set-Cookie"), Has.Some.StartsWith("__clerk_redirect_count=1;"));
        });

        // 2. The Frontend API (simulated: it signs the cookies it sets with the instance's key) sends the browser back.
        var fresh = Tokens.Valid();
        var signedInAt = Now - 60; // __client_uat: when the browser last signed in, before the token's iat
        var directives = new[] { $"__session={fresh}; Path=/; HttpOnly; SameSite=Lax", $"__client_uat={signedInAt}; Path=/; SameSite=Lax" };
        var token = Tokens.Sign(new Dictionary<string, object?> { ["handshake"] = directives });
        var back = new Uri(query["redirect_url"] + "&__clerk_handshake=" + Uri.EscapeDataString(token));
        using var second = await client.SendAsync(Page(back, $"__session={expired}; __client_uat={Now - 400}; __clerk_redirect_count=1"));

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK), second.Headers.Location?.ToString());
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo("hello " + Tokens.UserId));
        Assert.That(second.Headers.GetValues("Set-Cookie"), Is.SupersetOf(directives), "the handshake's cookies reach the browser");

        // 3. With the fresh cookies the next page is signed in without a redirect.
        using var third = await client.SendAsync(Page(page, $"__session={fresh}; __client_uat={signedInAt}"));
        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AnApiRequestWithAnExpiredCookie_Gets401_NotARedirect()
    {
        await using var app = await StartAppAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Sec-Fetch-Dest", "empty");
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("Cookie", $"__session={Expired()}; __client_uat={Now - 400}");

        using var response = await app.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.Location, Is.Null);
    }

    [Test]
    public async Task SignedOutInAnotherTab_TheCookieOlderThanClientUat_IsRedirected()
    {
        await using var app = await StartAppAsync();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        // __client_uat newer than the token's iat: the browser signed in or out since this token was issued.
        using var response = await client.SendAsync(Page(new Uri(app.Client.BaseAddress!, "/dashboard"), $"__session={Tokens.Valid()}; __client_uat={Now + 1}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
        Assert.That(Query(response.Headers.Location!)["__clerk_hs_reason"], Is.EqualTo("session-token-iat-before-client-uat"));
    }

    [Test]
    public async Task TheRedirectLoopGuard_StopsAtThreeRedirects()
    {
        await using var app = await StartAppAsync();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        using var response = await client.SendAsync(Page(new Uri(app.Client.BaseAddress!, "/dashboard"), $"__session={Expired()}; __client_uat={Now - 400}; __clerk_redirect_count=3"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(app.Services.GetRequiredService<ClerkTokenVerifier>(), Is.Not.Null);
    }

    [Test]
    public async Task WithHandshakeOff_APageRequestGets401()
    {
        await using var app = await StartAppAsync(o => o.Handshake = false);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        using var response = await client.SendAsync(Page(new Uri(app.Client.BaseAddress!, "/dashboard"), $"__session={Expired()}; __client_uat={Now - 400}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task AForgedHandshake_IsIgnored_AndTheRequestIsJudgedOnItsCookies()
    {
        await using var app = await StartAppAsync();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        var forged = Tokens.Sign(new Dictionary<string, object?> { ["handshake"] = new[] { $"__session={Tokens.Sign(Tokens.Claims(), Tokens.OtherKey)}; Path=/" } }, Tokens.OtherKey);

        using var response = await client.SendAsync(Page(new Uri(app.Client.BaseAddress!, "/dashboard?__clerk_handshake=" + forged), null));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.Contains("Set-Cookie"), Is.False, "no cookie of a forged handshake is passed on");
    }
}
