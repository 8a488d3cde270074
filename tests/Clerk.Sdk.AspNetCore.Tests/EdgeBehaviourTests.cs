using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Text;
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
using Hooks = Clerk.Sdk.AspNetCore.Tests.TestKit.Webhooks;

namespace Clerk.Sdk.AspNetCore.Tests;

/// <summary>
/// What the integration says and does at its edges: the log lines an operator reads (never a token), machine-token
/// principals, a renamed session cookie, a scheme without a verifier, organization requirements against principals
/// that lack the organization, the ProblemDetails of each failure kind, and the webhook endpoint's size limit to the byte.
/// </summary>
[TestFixture]
public class EdgeBehaviourTests
{
    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static HttpRequestMessage Get(string path, string? authorization = null, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null) request.Headers.Add("Authorization", authorization);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return request;
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(LoopbackApp app, HttpRequestMessage request)
    {
        using (request)
        using (var response = await app.Client.SendAsync(request))
        {
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private static IEnumerable<string> ClerkLines(LoopbackApp app) => app.Logs.Entries.Where(e => e.Message.StartsWith("Clerk", StringComparison.Ordinal)).Select(e => $"{e.Level} {e.Message}");

    [Test]
    public async Task ARejectedToken_IsLoggedWithItsKindAndClerksReason()
    {
        await using var app = await AuthenticationTests.StartAppAsync();
        var expired = Tokens.Sign(Tokens.Claims().With("exp", Now - 600).With("iat", Now - 700).With("nbf", Now - 700));

        await SendAsync(app, Get("/me", "Bearer " + expired));
        await SendAsync(app, Get("/me", "Bearer not-a-token"));

        Assert.That(ClerkLines(app), Is.SupersetOf(new[]
        {
            "Information Clerk SessionToken rejected (SignedOut): session-token-expired-refresh-non-eligible-no-refresh-cookie",
            "Information Clerk SessionToken rejected (SignedOut): token-invalid",
        }));
    }

    /// <summary>A token over the verifier's length limit is not read, so its kind is unknown: the log says "token".</summary>
    [Test]
    public async Task ARejectedTokenOfUnknownKind_IsLoggedAsAToken()
    {
        await using var app = await AuthenticationTests.StartAppAsync(o => o.TokenVerifier = new ClerkTokenVerifier(new ClerkTokenVerifierOptions { JwtKey = Tokens.Pem, MaxTokenLength = 64 }));
        await SendAsync(app, Get("/me", "Bearer " + new string('x', 100)));
        Assert.That(ClerkLines(app), Has.Member("Information Clerk token rejected (SignedOut): token-invalid"));
    }

    [Test]
    public async Task AHandshake_IsLogged_AndRedirectsOnce()
    {
        await using var app = await HandshakeTests.StartAppAsync();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.Client.BaseAddress };
        var expired = Tokens.Sign(Tokens.Claims().With("iat", Now - 300).With("nbf", Now - 300).With("exp", Now - 240));
        using var request = Get("/dashboard", cookie: $"__session={expired}; __client_uat={Now - 400}");
        request.Headers.Add("Sec-Fetch-Dest", "document");

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
        Assert.That(response.Headers.GetValues("Location").Count(), Is.EqualTo(1));
        Assert.That(ClerkLines(app), Has.Member("Information Clerk Handshake (session-token-expired-refresh-non-eligible-no-refresh-cookie): redirecting the page request"));
    }

    [Test]
    public async Task MachineTokens_BecomePrincipalsWithTheirKindIdAndScopes()
    {
        var verifier = new ClerkTokenVerifier(new ClerkTokenVerifierOptions { JwtKey = Tokens.Pem, AcceptedTokenTypes = ClerkTokenTypes.Any });
        var m2m = Tokens.Sign(new Dictionary<string, object?> { ["sub"] = "mch_2MACHINE", ["jti"] = "mt_2ID", ["scopes"] = "read write", ["iat"] = Now - 5, ["exp"] = Now + 60, ["iss"] = Tokens.Issuer });
        var oauth = Tokens.Sign(new Dictionary<string, object?> { ["sub"] = Tokens.UserId, ["jti"] = "oat_2ID", ["client_id"] = "client_1", ["scope"] = "profile", ["iat"] = Now - 5, ["exp"] = Now + 60, ["iss"] = Tokens.Issuer }, typ: "at+jwt");

        static string Claims(ClaimsPrincipal principal) => string.Join(" ", principal.Claims.Select(c => $"{c.Type.Split('/').Last()}={c.Value}"));

        var machine = ClerkClaimsPrincipal.Create(await verifier.AuthenticateTokenAsync(m2m), "Clerk");
        var user = ClerkClaimsPrincipal.Create(await verifier.AuthenticateTokenAsync(oauth), "Clerk");

        Assert.That(Claims(machine), Is.EqualTo("nameidentifier=mch_2MACHINE clerk:token_type=m2m_token clerk:machine_token_id=mt_2ID clerk:scope=read clerk:scope=write"));
        Assert.That(Claims(user), Is.EqualTo($"nameidentifier={Tokens.UserId} clerk:token_type=oauth_token clerk:machine_token_id=oat_2ID clerk:scope=profile"));
        Assert.That(machine.Identity!.Name, Is.EqualTo("mch_2MACHINE"));
        Assert.That(ClerkClaimsPrincipal.TokenTypeName(ClerkTokenType.ApiKey), Is.EqualTo("api_key"));
    }

    [Test]
    public async Task APrincipal_NeedsASignedInStateAndAnAuthenticationType()
    {
        var verifier = new ClerkTokenVerifier(new ClerkTokenVerifierOptions { JwtKey = Tokens.Pem });
        var signedIn = await verifier.AuthenticateTokenAsync(Tokens.Valid());
        var signedOut = await verifier.AuthenticateTokenAsync(null);
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => ClerkClaimsPrincipal.Create(signedIn, ""))!.ParamName, Is.EqualTo("authenticationType"));
            var error = Assert.Throws<ArgumentException>(() => ClerkClaimsPrincipal.Create(signedOut, "Clerk"))!;
            Assert.That((error.ParamName, error.Message), Is.EqualTo(("state", "The request state is not signed in. (Parameter 'state')")));
        });
    }

    [Test]
    public async Task ARenamedSessionCookie_IsReadAsTheSessionCookie()
    {
        await using var app = await AuthenticationTests.StartAppAsync(o => o.SessionCookieName = "app_session");

        var (renamed, _) = await SendAsync(app, Get("/me", cookie: $"__client_uat={Now - 60}; app_session={Tokens.Valid()}"));

        Assert.That(renamed, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ASchemeWithoutAVerifier_GivesNoResultWithoutCredentials_AndFailsLoudlyWithThem()
    {
        await using var app = await AuthenticationTests.StartAppAsync(addClerk: false);

        var (anonymous, body) = await SendAsync(app, Get("/probe"));
        var (bearer, _) = await SendAsync(app, Get("/probe", "Bearer " + Tokens.Valid()));
        var (suffixedCookie, _) = await SendAsync(app, Get("/probe", cookie: "__session_abc=x"));
        var (otherCookie, otherBody) = await SendAsync(app, Get("/probe", cookie: "theme=dark"));
        Assert.That((otherCookie, otherBody), Is.EqualTo((HttpStatusCode.OK, "none")), "a cookie that is not Clerk's is no credential");

        Assert.That((anonymous, body), Is.EqualTo((HttpStatusCode.OK, "none")));
        Assert.That((bearer, suffixedCookie), Is.EqualTo((HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError)));
        Assert.That(app.Logs.Messages, Has.Some.Contains("The Clerk authentication scheme needs a ClerkTokenVerifier: call services.AddClerk(...) or set ClerkAuthenticationOptions.TokenVerifier."));
    }

    private static async Task<bool> AllowsAsync(IAuthorizationRequirement requirement, params Claim[] claims)
    {
        var services = new ServiceCollection().AddLogging().AddAuthorization().BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var user = new ClaimsPrincipal(new ClaimsIdentity(claims, "Clerk"));
        return (await authorization.AuthorizeAsync(user, null, requirement)).Succeeded;
    }

    [Test]
    public async Task OrganizationRequirements_NeedAnOrganization_AndOneMatchingNonEmptyValue()
    {
        var org = new Claim(ClerkClaimTypes.OrganizationId, "org_1");
        var emptyOrg = new Claim(ClerkClaimTypes.OrganizationId, "");
        var admin = new Claim(ClerkClaimTypes.OrganizationRole, "org:admin");
        var member = new Claim(ClerkClaimTypes.OrganizationRole, "org:member");
        var read = new Claim(ClerkClaimTypes.OrganizationPermission, "org:invoices:read");
        var roles = new ClerkOrganizationRoleRequirement("admin");
        var permission = new ClerkOrganizationPermissionRequirement("invoices:read");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await AllowsAsync(roles, org, admin), Is.True);
            Assert.That(await AllowsAsync(roles, org, member, admin), Is.True, "one matching role of several");
            Assert.That(await AllowsAsync(roles, admin), Is.False, "no organization");
            Assert.That(await AllowsAsync(roles, emptyOrg, admin), Is.False, "an empty organization id");
            Assert.That(await AllowsAsync(roles, org, new Claim(ClerkClaimTypes.OrganizationRole, "")), Is.False);
            Assert.That(await AllowsAsync(permission, org, read), Is.True);
            Assert.That(await AllowsAsync(permission, read), Is.False, "no organization");
            Assert.That(await AllowsAsync(permission, emptyOrg, read), Is.False, "an empty organization id");
        });
        Assert.That(roles.ToString(), Is.EqualTo("ClerkOrganizationRoleRequirement: one of org:admin"));
        Assert.That(new ClerkOrganizationRoleRequirement("admin", "billing").ToString(), Is.EqualTo("ClerkOrganizationRoleRequirement: one of org:admin, org:billing"));
        Assert.That(permission.ToString(), Is.EqualTo("ClerkOrganizationPermissionRequirement: org:invoices:read"));
        Assert.That(new ClerkHasRequirement(role: "admin", plan: "pro").ToString(), Is.EqualTo("ClerkHasRequirement: role=admin, permission=, feature=, plan=pro"));
        Assert.That(Assert.Throws<ArgumentException>(() => new ClerkHasRequirement())!.Message, Is.EqualTo("A Clerk authorization requirement needs a role, permission, feature or plan."));
        var noRole = Assert.Throws<ArgumentException>(() => new ClerkOrganizationRoleRequirement("admin", ""))!;
        Assert.That((noRole.ParamName, noRole.Message), Is.EqualTo(("roles", "At least one organization role is required, and none may be empty. (Parameter 'roles')")));
        var blank = Assert.Throws<ArgumentException>(() => new ClerkHasRequirement(feature: " "))!;
        Assert.That((blank.ParamName, blank.Message), Is.EqualTo(("feature", "The value must not be blank. (Parameter 'feature')")));
    }

    private static string Detail(ClerkException exception) => ClerkProblemDetailsExceptionHandler.Map(exception) is var p ? $"{p.Status} {p.Title}: {p.Detail} trace={(p.Extensions.TryGetValue("clerkTraceId", out var t) ? t : "-")}" : "";

    [Test]
    public void EachFailureKind_HasItsProblemDetails()
    {
        var headers = new Dictionary<string, IEnumerable<string>> { ["x-clerk-trace-id"] = ["trace_1"] };
        Assert.Multiple(() =>
        {
            Assert.That(Detail(new ClerkTimeoutException("slow", TimeSpan.FromSeconds(30), 1, null)), Is.EqualTo("504 Gateway Timeout: Clerk did not answer in time. trace=-"));
            Assert.That(Detail(new ClerkRateLimitException("slow down", null, headers, TimeSpan.FromSeconds(2), 1)), Is.EqualTo("503 Service Unavailable: Clerk is rate limiting this application; try again later. trace=trace_1"));
            Assert.That(Detail(new ClerkApiException("gone", 404, """{"errors":[{"code":"resource_not_found","message":"not found","long_message":"User not found"}]}""", headers, null)), Is.EqualTo("404 Not Found: User not found trace=trace_1"));
            Assert.That(Detail(new ClerkApiException("gone", 404, """{"errors":[{"code":"resource_not_found","message":"not found"}]}""", null, null)), Is.EqualTo("404 Not Found: not found trace=-"));
            Assert.That(Detail(new ClerkApiException("conflict", 409, "", null, null)), Is.EqualTo("409 Conflict: Conflict trace=-"));
            Assert.That(Detail(new ClerkApiException("down", 503, null, headers, null)), Is.EqualTo("502 Bad Gateway: Clerk answered 503 to this application. trace=trace_1"));
            Assert.That(Detail(new ClerkException("broken")), Is.EqualTo("502 Bad Gateway: The call to Clerk failed. trace=-"));
        });
        Assert.That(Assert.Throws<ArgumentNullException>(() => ClerkProblemDetailsServiceCollectionExtensions.AddClerkProblemDetails(null!))!.ParamName, Is.EqualTo("services"));
    }

    [Test]
    public async Task AFailedClerkCall_IsLoggedWithItsKindAndAnswer()
    {
        await using var app = await LoopbackApp.StartAsync(
            new Dictionary<string, string?>(),
            builder => builder.Services.AddClerkProblemDetails(),
            app =>
            {
                app.UseExceptionHandler();
                app.MapGet("/fail", IResult () => throw new ClerkTimeoutException("slow", TimeSpan.FromSeconds(1), 1, null));
            });

        var (status, _) = await SendAsync(app, Get("/fail"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.GatewayTimeout));
        Assert.That(ClerkLines(app), Has.Member("Warning Clerk call failed (ClerkTimeoutException); answered 504"));
    }

    private const string HookPath = "/webhooks/clerk";

    private static Task<LoopbackApp> StartWebhooksAsync(long maxBodyBytes) => LoopbackApp.StartAsync(
        new Dictionary<string, string?> { ["Clerk:WebhookSecret"] = Hooks.Secret },
        _ => { },
        app => app.MapClerkWebhooks(HookPath, hooks => hooks.MaxBodyBytes = maxBodyBytes));

    /// <summary>The size limit holds to the byte, whether the size is declared (Content-Length) or only read (chunked).</summary>
    [TestCase(false, 0, HttpStatusCode.OK, TestName = "declared, exactly the limit")]
    [TestCase(false, 1, HttpStatusCode.RequestEntityTooLarge, TestName = "declared, one byte over")]
    [TestCase(true, 0, HttpStatusCode.OK, TestName = "chunked, exactly the limit")]
    [TestCase(true, 1, HttpStatusCode.RequestEntityTooLarge, TestName = "chunked, one byte over")]
    public async Task TheWebhookBodyLimit_HoldsToTheByte(bool chunked, int over, HttpStatusCode expected)
    {
        var body = Hooks.UserCreated();
        var size = Encoding.UTF8.GetByteCount(body);
        await using var app = await StartWebhooksAsync(size - over);
        var request = Hooks.Request(HookPath, body);
        if (chunked)
        {
            request.Content = new StreamContent(new System.IO.MemoryStream(Encoding.UTF8.GetBytes(body)));
            request.Headers.TransferEncodingChunked = true;
        }

        var (status, text) = await SendAsync(app, request);

        Assert.That(status, Is.EqualTo(expected));
        if (expected == HttpStatusCode.OK)
        {
            Assert.That(ClerkLines(app), Has.Member("Debug Clerk webhook user.created verified"));
        }
        else
        {
            Assert.That(text, Is.EqualTo("Webhook rejected: the body is too large."));
            Assert.That(ClerkLines(app), Has.Member($"Warning Clerk webhook rejected: the body is over {size - over} bytes"));
        }
    }

    [Test]
    public async Task ARejectedWebhook_IsPlainText_AndLoggedWithItsReason()
    {
        await using var app = await StartWebhooksAsync(64 * 1024);
        using var request = Hooks.Request(HookPath, Hooks.UserCreated(), timestamp: Now - 3600);
        using var response = await app.Client.SendAsync(request);

        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
        Assert.That(app.Logs.Entries.Where(e => e.Category == "Clerk.AspNetCore.Webhooks").Select(e => $"{e.Level} {e.Message}"), Is.EqualTo(new[] { "Warning Clerk webhook rejected: TimestampTooOld" }));
    }

    /// <summary>A signature header sent as two header lines is read as one space-separated list (Svix sends several signatures that way).</summary>
    [Test]
    public async Task TwoSignatureHeaderLines_AreReadTogether()
    {
        await using var app = await StartWebhooksAsync(64 * 1024);
        var request = Hooks.Request(HookPath, Hooks.UserCreated());
        var genuine = request.Headers.GetValues("svix-signature").Single();
        request.Headers.Remove("svix-signature");
        request.Headers.TryAddWithoutValidation("svix-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        request.Headers.TryAddWithoutValidation("svix-signature", genuine);

        var (status, _) = await SendAsync(app, request);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void MappingWebhooks_RefusesAnEmptyRouteAndANonPositiveLimit()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.ThrowsAsync<ArgumentException>(() => LoopbackApp.StartAsync(new Dictionary<string, string?> { ["Clerk:WebhookSecret"] = Hooks.Secret }, _ => { }, app => app.MapClerkWebhooks("", null)))!.ParamName, Is.EqualTo("pattern"));
            var limit = Assert.ThrowsAsync<ArgumentException>(() => StartWebhooksAsync(0))!;
            Assert.That((limit.ParamName, limit.Message), Is.EqualTo(("configure", "ClerkWebhookOptions.MaxBodyBytes must be positive. (Parameter 'configure')")));
        });
    }

    [Test]
    public async Task TheSecret_FallsBackTo_CLERK_WEBHOOK_SIGNING_SECRET()
    {
        using var _ = EnvironmentScope.Clean(("CLERK_WEBHOOK_SIGNING_SECRET", Hooks.Secret));
        await using var app = await LoopbackApp.StartAsync(new Dictionary<string, string?>(), _ => { }, app => app.MapClerkWebhooks(HookPath, null));

        var (status, _) = await SendAsync(app, Hooks.Request(HookPath, Hooks.UserCreated()));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void NullArguments_AreRefusedByName()
    {
        Assert.That(Assert.Throws<ArgumentNullException>(() => ClerkWebhookEndpointRouteBuilderExtensions.MapClerkWebhooks(null!, HookPath, null))!.ParamName, Is.EqualTo("endpoints"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => new ClerkWebhookOptions().On<Clerk.BackendApi.User>("user.created", (Func<Clerk.Webhooks.ClerkWebhookEvent<Clerk.BackendApi.User>, System.Threading.CancellationToken, Task>)null!))!.ParamName, Is.EqualTo("handler"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => new ClerkWebhookOptions().On<Clerk.BackendApi.User>("user.created", (Func<Clerk.Webhooks.ClerkWebhookEvent<Clerk.BackendApi.User>, HttpContext, System.Threading.CancellationToken, Task>)null!))!.ParamName, Is.EqualTo("handler"));
    }

    [Test]
    public void WebhookOptions_DescribeThemselvesWithoutTheSecret()
    {
        var options = new ClerkWebhookOptions { MaxBodyBytes = 1024, Tolerance = TimeSpan.FromMinutes(2) };
        options.On<Clerk.BackendApi.User>("user.created", (_, _) => Task.CompletedTask);
        options.OnAny((_, _, _) => Task.CompletedTask);
        Assert.That(options.ToString(), Is.EqualTo("ClerkWebhookOptions(SigningSecret=<from configuration>, Tolerance=00:02:00, MaxBodyBytes=1024, Handlers=2)"));
        options.SigningSecret = Hooks.Secret;
        Assert.That(options.ToString(), Is.EqualTo("ClerkWebhookOptions(SigningSecret=<set>, Tolerance=00:02:00, MaxBodyBytes=1024, Handlers=2)"));
    }
}
