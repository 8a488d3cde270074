using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Threading.Tasks;
using Clerk.AspNetCore;
using Clerk.Authentication;
using Clerk.Sdk.AspNetCore.Tests.TestKit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Clerk.Sdk.AspNetCore.Tests;

/// <summary>
/// The Clerk authentication scheme and the organization policies in a real app on loopback Kestrel: valid tokens get 200
/// with the right claims; expired, wrong-party, missing and forged tokens get 401; role and permission policies give 403.
/// </summary>
[TestFixture]
public class AuthenticationTests
{
    private static Dictionary<string, string?> Settings() => new()
    {
        ["Clerk:SecretKey"] = "sk_test_0123456789abcdefghijklmnop",
        ["Clerk:JwtKey"] = Tokens.Pem,                           // networkless: the Backend API is never called
        ["Clerk:Issuer"] = Tokens.Issuer,
        ["Clerk:AuthorizedParties:0"] = Tokens.Party,
    };

    internal static Task<LoopbackApp> StartAppAsync(Action<ClerkAuthenticationOptions>? configure = null, bool addClerk = true) => LoopbackApp.StartAsync(
        Settings(),
        builder =>
        {
            if (addClerk)
            {
                builder.Services.AddClerk(builder.Configuration);
            }
            builder.Services.AddAuthentication(ClerkAuthenticationDefaults.AuthenticationScheme).AddClerk(configure);
            builder.Services.AddAuthorization(options =>
            {
                options.AddPolicy("admins", policy => policy.RequireOrganizationRole("admin"));
                options.AddPolicy("invoices:read", policy => policy.RequireOrganizationPermission("org:invoices:read"));
            });
        },
        app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/me", (HttpContext context) => Results.Text(Describe(context))).RequireAuthorization();
            app.MapGet("/admin", () => "admin area").RequireAuthorization("admins");
            app.MapGet("/invoices", () => "invoices").RequireAuthorization("invoices:read");
            app.MapGet("/reports", () => "reports").RequireAuthorization(policy => policy.RequireOrganizationPermission("reports:manage"));
            app.MapGet("/export", () => "export").RequireAuthorization(policy => policy.RequireFeature("export"));
            app.MapGet("/org-export", () => "org export").RequireAuthorization(policy => policy.RequireFeature("org:export"));
            app.MapGet("/pro", () => "pro").RequireAuthorization(policy => policy.RequirePlan("pro"));
            app.MapGet("/admin-pro", () => "admin pro").RequireAuthorization(policy => policy.RequireClerk(role: "admin", plan: "org:pro"));
            app.MapGet("/probe", async (HttpContext context) =>
            {
                var result = await context.AuthenticateAsync(ClerkAuthenticationDefaults.AuthenticationScheme);
                return result.None ? "none" : result.Succeeded ? "ok" : "fail: " + result.Failure!.Message;
            });
        });

    /// <summary>The principal's claims as lines, and what the identity says about name and role.</summary>
    private static string Describe(HttpContext context)
    {
        var lines = context.User.Claims.Select(c => $"{c.Type}={c.Value}").ToList();
        lines.Add($"name={context.User.Identity!.Name}");
        lines.Add($"isInRole(org:admin)={context.User.IsInRole("org:admin")}");
        lines.Add($"state.azp={context.GetClerkRequestState()?.Session?.AuthorizedParty}");
        return string.Join("\n", lines);
    }

    private static HttpRequestMessage Get(string path, string? bearer = null, string? cookie = null, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Add("Authorization", "Bearer " + bearer);
        }
        if (authorization is not null)
        {
            request.Headers.Add("Authorization", authorization);
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"__client_uat=1700000000; __session={cookie}");
        }
        return request;
    }

    private static async Task<(HttpStatusCode Status, string Body, string? Challenge)> SendAsync(LoopbackApp app, HttpRequestMessage request)
    {
        using var response = await app.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.WwwAuthenticate.FirstOrDefault()?.ToString());
    }

    private static string[] Lines(string body) => body.Split('\n');

    [Test]
    public async Task AValidBearerToken_Gets200_WithTheUserAndSessionClaims()
    {
        await using var app = await StartAppAsync();

        var (status, body, _) = await SendAsync(app, Get("/me", bearer: Tokens.Valid()));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(Lines(body), Is.SupersetOf(new[]
        {
            $"{ClaimTypes.NameIdentifier}={Tokens.UserId}",
            $"{ClerkClaimTypes.SessionId}={Tokens.SessionId}",
            $"{ClerkClaimTypes.SessionStatus}=active",
            $"{ClerkClaimTypes.TokenType}=session_token",
            $"name={Tokens.UserId}",
            "isInRole(org:admin)=False",
            $"state.azp={Tokens.Party}",
        }));
        Assert.That(body, Does.Not.Contain("clerk:org_").And.Not.Contain(ClerkClaimTypes.Actor));
    }

    [Test]
    public async Task AValidSessionCookie_Gets200()
    {
        await using var app = await StartAppAsync();

        var (status, body, _) = await SendAsync(app, Get("/me", cookie: Tokens.Valid()));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(Lines(body), Does.Contain($"{ClaimTypes.NameIdentifier}={Tokens.UserId}"));
    }

    [Test]
    public async Task AnOrganizationToken_CarriesOrganizationRoleAndPermissions()
    {
        await using var app = await StartAppAsync();

        var (status, body, _) = await SendAsync(app, Get("/me", bearer: Tokens.Sign(Tokens.Claims().InOrganization("admin"))));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(Lines(body), Is.SupersetOf(new[]
        {
            $"{ClerkClaimTypes.OrganizationId}=org_2ORG",
            $"{ClerkClaimTypes.OrganizationSlug}=acme",
            $"{ClerkClaimTypes.OrganizationRole}=org:admin",
            $"{ClerkClaimTypes.OrganizationPermission}=org:invoices:read",
            $"{ClerkClaimTypes.OrganizationPermission}=org:reports:read",
            $"{ClerkClaimTypes.OrganizationPermission}=org:reports:manage",
            "isInRole(org:admin)=True",
        }));
        Assert.That(Lines(body).Count(l => l.StartsWith(ClerkClaimTypes.OrganizationPermission + "=", StringComparison.Ordinal)), Is.EqualTo(3));
    }

    [Test]
    public async Task AnImpersonationToken_CarriesTheActor()
    {
        await using var app = await StartAppAsync();
        var claims = Tokens.Claims().With("act", new Dictionary<string, object?> { ["sub"] = "user_2SUPPORT", ["iss"] = "https://dashboard.clerk.com" });

        var (status, body, _) = await SendAsync(app, Get("/me", bearer: Tokens.Sign(claims)));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(Lines(body), Does.Contain($"{ClerkClaimTypes.Actor}=user_2SUPPORT").And.Contain($"{ClaimTypes.NameIdentifier}={Tokens.UserId}"));
    }

    private static IEnumerable<TestCaseData> RejectedTokens()
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        yield return new TestCaseData(Tokens.Sign(Tokens.Claims().With("exp", now - 3600).With("iat", now - 7200).With("nbf", now - 7200)), "Expired").SetName("Expired");
        yield return new TestCaseData(Tokens.Sign(Tokens.Claims().With("azp", "https://evil.example")), "UnauthorizedParty").SetName("WrongParty");
        yield return new TestCaseData(Tokens.Sign(Tokens.Claims().With("azp", null)), "UnauthorizedParty").SetName("NoParty");
        yield return new TestCaseData(Tokens.Sign(Tokens.Claims(), Tokens.OtherKey), "InvalidSignature").SetName("ForgedWithAnotherKey");
        yield return new TestCaseData(Tamper(Tokens.Valid()), "InvalidSignature").SetName("PayloadChangedAfterSigning");
        yield return new TestCaseData(Tokens.Sign(Tokens.Claims().With("iss", "https://clerk.evil.example")), "InvalidIssuer").SetName("OtherIssuer");
        yield return new TestCaseData(Tokens.Sign(Tokens.Claims().With("sts", "pending")), "SessionPending").SetName("PendingSession");
        yield return new TestCaseData("not.a.jwt", "Malformed").SetName("Garbage");
    }

    /// <summary>The same header and signature over a payload naming another user.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var forged = Tokens.Sign(Tokens.Claims().With("sub", "user_2VICTIM")).Split('.')[1];
        return $"{parts[0]}.{forged}.{parts[2]}";
    }

    [TestCaseSource(nameof(RejectedTokens))]
    public async Task ARejectedBearerToken_Gets401_WithTheReason(string token, string reason)
    {
        await using var app = await StartAppAsync();

        var (status, _, challenge) = await SendAsync(app, Get("/me", bearer: token));
        var (_, probe, _) = await SendAsync(app, Get("/probe", bearer: token));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(challenge, Is.EqualTo($"Bearer error=\"invalid_token\", error_description=\"{reason}\""));
        Assert.That(probe, Does.StartWith($"fail: The Clerk token was rejected: {reason}."));
    }

    [Test]
    public async Task AnExpiredSessionCookie_Gets401()
    {
        await using var app = await StartAppAsync();
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var (status, _, challenge) = await SendAsync(app, Get("/me", cookie: Tokens.Sign(Tokens.Claims().With("exp", now - 60))));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(challenge, Does.Contain("Expired"));
    }

    [Test]
    public async Task NoToken_Gets401_AndTheSchemeGivesNoResult()
    {
        await using var app = await StartAppAsync();

        var (status, _, challenge) = await SendAsync(app, Get("/me"));
        var (_, probe, _) = await SendAsync(app, Get("/probe"));
        var (_, basic, _) = await SendAsync(app, Get("/probe", authorization: "Basic dXNlcjpwYXNz"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(challenge, Is.EqualTo("Bearer"));
        Assert.That(probe, Is.EqualTo("none"), "no token: other schemes may run");
        Assert.That(basic, Is.EqualTo("none"), "another scheme's credentials are not Clerk's business");
    }

    [Test]
    public async Task TheSessionCookie_CanBeTurnedOff()
    {
        await using var app = await StartAppAsync(options => options.AcceptSessionCookie = false);

        var (status, _, _) = await SendAsync(app, Get("/me", cookie: Tokens.Valid()));
        var (bearerStatus, _, _) = await SendAsync(app, Get("/me", bearer: Tokens.Valid()));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(bearerStatus, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AScheme_CanHaveItsOwnVerifier_WithoutASecretKey()
    {
        var verifier = new ClerkTokenVerifier(new ClerkTokenVerifierOptions { JwtKey = Tokens.Pem, Issuer = Tokens.Issuer, AuthorizedParties = { Tokens.Party } });
        await using var app = await StartAppAsync(options => options.TokenVerifier = verifier, addClerk: false);

        var (status, body, _) = await SendAsync(app, Get("/me", bearer: Tokens.Valid()));
        var (forged, _, _) = await SendAsync(app, Get("/me", bearer: Tokens.Sign(Tokens.Claims(), Tokens.OtherKey)));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(forged, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Tokens_AreNeverLogged()
    {
        await using var app = await StartAppAsync();
        var valid = Tokens.Valid();
        var forged = Tokens.Sign(Tokens.Claims(), Tokens.OtherKey);
        var expired = Tokens.Sign(Tokens.Claims().With("exp", DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 600));

        foreach (var token in new[] { valid, forged, expired })
        {
            await SendAsync(app, Get("/me", bearer: token));
            await SendAsync(app, Get("/me", cookie: token));
        }

        Assert.That(app.Logs.Messages, Is.Not.Empty);
        Assert.That(app.Logs.Messages.Where(m => m.Contains("Clerk", StringComparison.Ordinal)), Is.Not.Empty, "the rejections are logged");
        foreach (var token in new[] { valid, forged, expired })
        {
            var signature = token.Split('.')[2];
            Assert.That(app.Logs.Messages.Where(m => m.Contains(signature, StringComparison.Ordinal) || m.Contains(token.Split('.')[1], StringComparison.Ordinal)), Is.Empty);
        }
    }
}
