using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Clerk.AspNetCore;
using Clerk.Sdk.AspNetCore.Tests.TestKit;
using Clerk.BackendApi;
using Clerk.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Hooks = Clerk.Sdk.AspNetCore.Tests.TestKit.Webhooks;

namespace Clerk.Sdk.AspNetCore.Tests;

/// <summary>
/// <c>MapClerkWebhooks</c> in a real app on loopback Kestrel: a well-signed webhook reaches its typed handlers (lambdas and
/// <see cref="IClerkWebhookHandler{TData}"/> services); a tampered, stale or unsigned one gets 400 and no handler runs.
/// </summary>
[TestFixture]
public class WebhookTests
{
    private const string Path = "/webhooks/clerk";

    /// <summary>What the handlers saw, in order.</summary>
    private readonly ConcurrentQueue<string> _seen = new();

    private Task<LoopbackApp> StartAppAsync(Action<ClerkWebhookOptions>? configure = null, Dictionary<string, string?>? settings = null) => LoopbackApp.StartAsync(
        settings ?? new Dictionary<string, string?> { ["Clerk:WebhookSecret"] = Hooks.Secret },
        builder =>
        {
            builder.Services.AddSingleton(_seen);
            builder.Services.AddScoped<IClerkWebhookHandler<User>, UserSync>();
            builder.Services.AddAuthentication(ClerkAuthenticationDefaults.AuthenticationScheme).AddClerk(o => o.TokenVerifier = new Clerk.Authentication.ClerkTokenVerifier(new Clerk.Authentication.ClerkTokenVerifierOptions { JwtKey = Tokens.Pem }));
            // Every endpoint requires a signed-in user unless it says otherwise: the webhook endpoint must still be reachable.
            builder.Services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        },
        app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapClerkWebhooks(Path, hooks =>
            {
                hooks.On<User>("user.created", (evt, ct) =>
                {
                    _seen.Enqueue($"lambda {evt.Type} {evt.Data!.Id} {evt.Data.FirstName}");
                    return Task.CompletedTask;
                });
                hooks.On<User>("user.created", (evt, http, ct) =>
                {
                    _seen.Enqueue($"lambda+context {http.Request.Headers["svix-id"]} {http.RequestServices.GetType().Name.Length > 0}");
                    return Task.CompletedTask;
                });
                hooks.On<DeletedObject>("user.deleted", (evt, ct) =>
                {
                    _seen.Enqueue($"deleted {evt.Data!.Id}");
                    return Task.CompletedTask;
                });
                hooks.OnAny((evt, http, ct) =>
                {
                    _seen.Enqueue($"any {evt.Type} known={evt.IsKnownType}");
                    return Task.CompletedTask;
                });
                configure?.Invoke(hooks);
            });
        });

    /// <summary>A handler registered as a service (scoped: it could take a DbContext).</summary>
    private sealed class UserSync(ConcurrentQueue<string> seen) : IClerkWebhookHandler<User>
    {
        public Task HandleAsync(ClerkWebhookEvent<User> webhookEvent, CancellationToken cancellationToken)
        {
            seen.Enqueue($"service {webhookEvent.Type} {webhookEvent.Data!.Id}");
            return Task.CompletedTask;
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(LoopbackApp app, HttpRequestMessage request)
    {
        using (request)
        using (var response = await app.Client.SendAsync(request))
        {
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    [SetUp]
    public void Clear() => _seen.Clear();

    [Test]
    public async Task AWellSignedWebhook_ReachesItsTypedHandlers_InOrder_Then200()
    {
        await using var app = await StartAppAsync();

        var (status, body) = await SendAsync(app, Hooks.Request(Path, Hooks.UserCreated("user_2NEW")));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(_seen, Is.EqualTo(new[]
        {
            "lambda user.created user_2NEW Example",
            "lambda+context msg_2test True",
            "service user.created user_2NEW",
            "any user.created known=True",
        }));
    }

    [Test]
    public async Task EachEventType_GoesToItsOwnHandlers()
    {
        await using var app = await StartAppAsync();
        const string deleted = """{ "type": "user.deleted", "object": "event", "timestamp": 1654012591835, "data": { "id": "user_2GONE", "object": "user", "deleted": true } }""";

        var (status, _) = await SendAsync(app, Hooks.Request(Path, deleted));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_seen, Is.EqualTo(new[] { "deleted user_2GONE", "any user.deleted known=True" }));
    }

    [Test]
    public async Task AnEventTypeThisVersionDoesNotKnow_ReachesOnAny_Then200()
    {
        await using var app = await StartAppAsync();

        var (status, _) = await SendAsync(app, Hooks.Request(Path, Hooks.UnknownEvent));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_seen, Is.EqualTo(new[] { "any galaxy.created known=False" }));
    }

    private static IEnumerable<TestCaseData> BadWebhooks()
    {
        var body = Hooks.UserCreated();
        yield return new TestCaseData(new Func<HttpRequestMessage>(() => Hooks.Request(Path, body, sendBody: body.Replace("Example", "Mallory", StringComparison.Ordinal))), "NoMatchingSignature").SetName("TamperedBody");
        yield return new TestCaseData(new Func<HttpRequestMessage>(() => Hooks.Request(Path, body, secret: "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("another endpoint's secret")))), "NoMatchingSignature").SetName("OtherSecret");
        yield return new TestCaseData(new Func<HttpRequestMessage>(() => Hooks.Request(Path, body, timestamp: DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600)), "TimestampTooOld").SetName("Replayed");
        yield return new TestCaseData(new Func<HttpRequestMessage>(() => new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") }), "MissingHeader").SetName("Unsigned");
        yield return new TestCaseData(new Func<HttpRequestMessage>(() => Hooks.Request(Path, "[1, 2, 3]")), "InvalidPayload").SetName("SignedButNotAnEvent");
    }

    [TestCaseSource(nameof(BadWebhooks))]
    public async Task ABadWebhook_Gets400_AndNoHandlerRuns(Func<HttpRequestMessage> request, string reason)
    {
        await using var app = await StartAppAsync();

        var (status, body) = await SendAsync(app, request());

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Is.EqualTo($"Webhook rejected: {reason}."));
        Assert.That(_seen, Is.Empty);
        Assert.That(app.Logs.Messages.Where(m => m.Contains("v1,", StringComparison.Ordinal) || m.Contains(Hooks.Secret, StringComparison.Ordinal)), Is.Empty, "no signature or secret in the logs");
    }

    [Test]
    public async Task ABodyOverTheLimit_Gets413_AndNoHandlerRuns()
    {
        await using var app = await StartAppAsync(hooks => hooks.MaxBodyBytes = 256);

        var (status, _) = await SendAsync(app, Hooks.Request(Path, Hooks.UserCreated(new string('x', 300))));

        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(_seen, Is.Empty);
    }

    [Test]
    public async Task AHandlerThatThrows_Gets500_SoClerkRetries()
    {
        await using var app = await StartAppAsync(hooks => hooks.On<User>("user.created", (_, _) => throw new InvalidOperationException("database down")));

        var (status, _) = await SendAsync(app, Hooks.Request(Path, Hooks.UserCreated()));

        Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
    }

    [Test]
    public async Task OnlyPostIsMapped()
    {
        await using var app = await StartAppAsync();

        using var response = await app.Client.GetAsync(Path);

        // 405, which the fallback policy of this app turns into a 401 challenge: either way no handler runs.
        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.MethodNotAllowed, HttpStatusCode.Unauthorized));
        Assert.That(_seen, Is.Empty);
    }

    [Test]
    public async Task TheSecret_FallsBackTo_CLERK_WEBHOOK_SECRET()
    {
        using var _ = EnvironmentScope.Clean(("CLERK_WEBHOOK_SECRET", Hooks.Secret));
        await using var app = await StartAppAsync(settings: new Dictionary<string, string?>());

        var (status, _) = await SendAsync(app, Hooks.Request(Path, Hooks.UserCreated()));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void NoSecret_FailsWhenTheEndpointIsMapped()
    {
        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => StartAppAsync(settings: new Dictionary<string, string?>()));

        Assert.That(ex!.Message, Does.Contain("Clerk:WebhookSecret").And.Contain("CLERK_WEBHOOK_SECRET"));
    }

    [Test]
    public void AMalformedSecret_FailsWhenTheEndpointIsMapped_WithoutShowingIt()
    {
        var ex = Assert.ThrowsAsync<ClerkConfigurationException>(() => StartAppAsync(settings: new Dictionary<string, string?> { ["Clerk:WebhookSecret"] = "whsec_not*base64!" }));

        Assert.That(ex!.Message, Does.Not.Contain("not*base64!"));
    }

    [Test]
    public void On_RejectsADataClassThatDoesNotFitTheEventType()
    {
        var options = new ClerkWebhookOptions();

        Assert.Multiple(() =>
        {
            Assert.That(() => options.On<Session>("user.created", (_, _) => Task.CompletedTask), Throws.ArgumentException.With.Message.Contains("On<User>"));
            Assert.That(() => options.On<User>("galaxy.created", (_, _) => Task.CompletedTask), Throws.ArgumentException.With.Message.Contains("OnAny"));
            Assert.That(options.ToString(), Does.Not.Contain("whsec_"));
        });
    }
}
