using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Clerk.Authentication;
using Clerk.BackendApi;
using Clerk.Testing;
using Clerk.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Fake;

/// <summary>What a test of one's own code needs from the Testing package: tokens of any validity, typed status, Clerk's user rules, signed webhooks, a passive host.</summary>
public sealed class FakeOptionsTests
{
    private static async Task<ClerkTokenException?> VerifyAsync(FakeClerkServer fake, string token)
    {
        var options = fake.CreateTokenVerifierOptions();
        options.JwtKey = fake.JwtPublicKeyPem;
        try
        {
            await new ClerkTokenVerifier(options).VerifySessionTokenAsync(token);
            return null;
        }
        catch (ClerkTokenException ex)
        {
            return ex;
        }
    }

    [Test]
    public async Task Tokens_CanBeExpired_NotYetValid_OrPending_OnRequest()
    {
        await using var fake = FakeClerkServer.Create();

        var valid = fake.CreateSessionToken("user_1");
        var expired = fake.CreateSessionToken("user_1", options: new FakeSessionTokenOptions { Lifetime = TimeSpan.FromSeconds(-30) });
        var expiredLongAgo = fake.CreateSessionToken("user_1", options: new FakeSessionTokenOptions { ValidFrom = DateTimeOffset.UtcNow.AddHours(-2) });
        var notYet = fake.CreateSessionToken("user_1", options: new FakeSessionTokenOptions { ValidFrom = DateTimeOffset.UtcNow.AddMinutes(10) });
        var pending = fake.CreateSessionToken("user_1", options: new FakeSessionTokenOptions { Status = SessionStatus.Pending });

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await VerifyAsync(fake, valid), Is.Null);
            Assert.That((await VerifyAsync(fake, expired))?.Reason, Is.EqualTo(ClerkTokenFailureReason.Expired));
            Assert.That((await VerifyAsync(fake, expiredLongAgo))?.Reason, Is.EqualTo(ClerkTokenFailureReason.Expired));
            Assert.That((await VerifyAsync(fake, notYet))?.Reason, Is.EqualTo(ClerkTokenFailureReason.NotYetValid).Or.EqualTo(ClerkTokenFailureReason.IssuedInTheFuture));
            Assert.That((await VerifyAsync(fake, pending))?.Reason, Is.EqualTo(ClerkTokenFailureReason.SessionPending));
        });
    }

    [Test]
    public async Task AUserWithoutAnyIdentifier_IsRefused_UnlessTheInstanceAllowsIt()
    {
        await using var strict = FakeClerkServer.Create();
        using var clerk = strict.CreateClient();
        var ex = Assert.ThrowsAsync<ClerkApiException>(() => clerk.Users.CreateAsync(new CreateUserRequest { FirstName = "Nobody" }))!;
        Assert.That(((int)ex.StatusCode, ex.Code, ex.Errors[0].Meta?.ParamName), Is.EqualTo((422, "form_param_missing", "email_address")));

        await using var lenient = FakeClerkServer.Create(new FakeClerkServerOptions { RequireIdentifier = false });
        using var other = lenient.CreateClient();
        Assert.That((await other.Users.CreateAsync(new CreateUserRequest { FirstName = "Nobody" })).FirstName, Is.EqualTo("Nobody"));
        Assert.That((await clerk.Users.CreateAsync(new CreateUserRequest { Username = "nobody" })).Username, Is.EqualTo("nobody"), "a username is an identifier");
    }

    [Test]
    public void TheWebhookSigner_SignsWhatTheVerifierAccepts_AndNothingElse()
    {
        var secret = ClerkWebhookSigner.NewSecret();
        var signer = new ClerkWebhookSigner(secret);
        const string body = """{"type":"user.created","object":"event","data":{"id":"user_1","object":"user"},"timestamp":1716883200000,"instance_id":"ins_1"}""";

        var headers = signer.Sign(body);
        var evt = new ClerkWebhookVerifier(secret).VerifyAndParse(body, headers);

        Assert.Multiple(() =>
        {
            Assert.That(evt.Type, Is.EqualTo("user.created"));
            Assert.That(headers["svix-signature"], Does.StartWith("v1,"));
            Assert.Throws<ClerkWebhookException>(() => new ClerkWebhookVerifier(secret).VerifyAndParse(body.Replace("user_1", "user_2", StringComparison.Ordinal), headers));
            Assert.Throws<ClerkWebhookException>(() => new ClerkWebhookVerifier(ClerkWebhookSigner.NewSecret()).VerifyAndParse(body, headers));
            Assert.Throws<ClerkWebhookException>(() => new ClerkWebhookVerifier(secret).VerifyAndParse(body, signer.Sign(body, timestamp: DateTimeOffset.UtcNow.AddHours(-1))));
            Assert.That(signer.ToString(), Does.Not.Contain(secret[6..]));
            Assert.Throws<ArgumentException>(() => new ClerkWebhookSigner("whsec_not base64!"));
        });
    }

    [Test]
    public async Task TheWebhookSignersRequest_IsAcceptedByTheVerifiersRequestOverload()
    {
        var secret = ClerkWebhookSigner.NewSecret();
        using var request = new ClerkWebhookSigner(secret).CreateRequest(new Uri("https://app.example.com/webhooks/clerk"), """{"type":"session.ended","object":"event","data":{"id":"sess_1","object":"session"}}""");
        var evt = await new ClerkWebhookVerifier(secret).VerifyAndParseAsync(request);
        Assert.That(evt.Type, Is.EqualTo("session.ended"));
    }

    [Test]
    public async Task TheFakeOnLoopback_NeverTakesOverTheProcessSignals()
    {
        await using var fake = await FakeClerkServer.StartOnLoopbackAsync();
        var app = (Microsoft.AspNetCore.Builder.WebApplication)typeof(FakeClerkServer).GetField("_app", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(fake)!;
        Assert.That(app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostLifetime>().GetType().Name, Is.EqualTo("PassiveLifetime"));
    }
}
