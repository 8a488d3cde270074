using System;
using System.Threading.Tasks;
using Clerk.Authentication;
using Clerk.BackendApi;
using Clerk.Testing;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Fake;

/// <summary>The fake's session tokens through the SDK's real <see cref="ClerkTokenVerifier"/>, keys fetched from the fake's <c>/jwks</c>.</summary>
public sealed class SessionTokenTests : FakeTestBase
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    [Test]
    public async Task CreateSessionToken_WithOrganization_VerifiesThroughJwks()
    {
        var verifier = new ClerkTokenVerifier(Clerk, Fake.CreateTokenVerifierOptions());
        var token = Fake.CreateSessionToken("user_2aaaaaaaaaaaaaaaaaaaaaaaaaa", new FakeOrganizationClaims
        {
            Id = "org_2bbbbbbbbbbbbbbbbbbbbbbbbbb",
            Slug = "acme",
            Role = "admin",
            Permissions = ["org:invoices:read", "org:invoices:write", "org:members:read"],
        }, new FakeSessionTokenOptions { AuthorizedParty = "https://app.example.com" });

        var claims = await verifier.VerifySessionTokenAsync(token);

        Assert.Multiple(() =>
        {
            Assert.That(claims.UserId, Is.EqualTo("user_2aaaaaaaaaaaaaaaaaaaaaaaaaa"));
            Assert.That(claims.SessionId, Does.StartWith("sess_"));
            Assert.That(claims.Issuer, Is.EqualTo(Fake.FrontendApiUrl));
            Assert.That(claims.AuthorizedParty, Is.EqualTo("https://app.example.com"));
            Assert.That((claims.OrganizationId, claims.OrganizationSlug, claims.OrganizationRole), Is.EqualTo(("org_2bbbbbbbbbbbbbbbbbbbbbbbbbb", "acme", "org:admin")));
            Assert.That(claims.OrganizationPermissions, Is.EquivalentTo(new[] { "org:invoices:read", "org:invoices:write", "org:members:read" }));
        });
    }

    [Test]
    public async Task SessionTokenOfTheApi_CarriesTheActiveOrganization()
    {
        var user = await CreateUserAsync("Org", "org-user@example.com");
        var organization = await Clerk.Organizations.CreateAsync(new CreateOrganizationRequest { Name = "Acme Inc.", CreatedBy = user.Id });
        var session = await Clerk.Sessions.CreateAsync(new CreateSessionRequest { UserId = user.Id, ActiveOrganizationId = organization.Id });

        var token = await Clerk.Sessions.CreateTokenAsync(session.Id, new CreateSessionTokenRequest());
        var claims = await new ClerkTokenVerifier(Clerk, Fake.CreateTokenVerifierOptions()).VerifySessionTokenAsync(token.Jwt!);

        Assert.That((claims.SessionId, claims.OrganizationId, claims.OrganizationSlug, claims.OrganizationRole), Is.EqualTo((session.Id, organization.Id, "acme-inc", "org:admin")));
    }

    [Test]
    public async Task RevokedSession_GetsNoToken()
    {
        var user = await CreateUserAsync("Rev");
        var session = await Clerk.Sessions.CreateAsync(new CreateSessionRequest { UserId = user.Id });
        await Clerk.Sessions.RevokeAsync(session.Id);

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => Clerk.Sessions.CreateTokenAsync(session.Id, new CreateSessionTokenRequest()));

        Assert.That(ex!.Code, Is.EqualTo("resource_not_found"));
    }

    [Test]
    public async Task NetworklessVerifier_UsesThePem_AndTheFakeClock()
    {
        await using var fake = FakeClerkServer.Create(new FakeClerkServerOptions { TimeProvider = _clock });
        var verifier = new ClerkTokenVerifier(new ClerkTokenVerifierOptions { JwtKey = fake.JwtPublicKeyPem, PublishableKey = fake.PublishableKey, TimeProvider = _clock });
        var token = fake.CreateSessionToken("user_2cccccccccccccccccccccccccc");

        var claims = await verifier.VerifySessionTokenAsync(token);
        _clock.Advance(TimeSpan.FromSeconds(70));
        var ex = Assert.ThrowsAsync<ClerkTokenException>(() => verifier.VerifySessionTokenAsync(token));

        Assert.That((claims.UserId, ex!.Reason), Is.EqualTo(("user_2cccccccccccccccccccccccccc", ClerkTokenFailureReason.Expired)));
    }

    [Test]
    public async Task PendingSession_IsRejectedUnlessAccepted()
    {
        var verifier = new ClerkTokenVerifier(Clerk, Fake.CreateTokenVerifierOptions());
        var token = Fake.CreateSessionToken("user_2dddddddddddddddddddddddddd", options: new FakeSessionTokenOptions { Status = "pending" });

        var ex = Assert.ThrowsAsync<ClerkTokenException>(() => verifier.VerifySessionTokenAsync(token));

        Assert.That(ex!.Reason, Is.EqualTo(ClerkTokenFailureReason.SessionPending));
        var accepted = await new ClerkTokenVerifier(Clerk, new ClerkTokenVerifierOptions { PublishableKey = Fake.PublishableKey, AcceptPendingSessions = true }).VerifySessionTokenAsync(token);
        Assert.That(accepted.SessionStatus, Is.EqualTo("pending"));
    }

    [Test]
    public void PublishableKey_IsOneTheSdkParses_AndNamesTheIssuer()
    {
        var key = PublishableKey.Parse(Fake.PublishableKey);

        Assert.That(key.IsTest, Is.True);
        Assert.That("https://" + key.FrontendApiHost, Is.EqualTo(Fake.FrontendApiUrl));
        Assert.That(Fake.PublishableKey, Does.Not.EndWith("="), "unpadded, as Clerk writes keys");
    }

    [Test]
    public async Task FrontendApiHost_IsEncodedInThePublishableKey()
    {
        await using var fake = FakeClerkServer.Create(new FakeClerkServerOptions { FrontendApiHost = "clerk.my-app.test" });

        Assert.That(PublishableKey.Parse(fake.PublishableKey).FrontendApiHost, Is.EqualTo("clerk.my-app.test"));
        Assert.That(fake.FrontendApiUrl, Is.EqualTo("https://clerk.my-app.test"));
    }

    [TestCase("localhost")]
    [TestCase("https://clerk.my-app.test")]
    [TestCase("clerk.my-app.test:8443")]
    public void AFrontendApiHostNoPublishableKeyCanHold_FailsAtCreation(string host)
    {
        var ex = Assert.Throws<ArgumentException>(() => FakeClerkServer.Create(new FakeClerkServerOptions { FrontendApiHost = host }));

        Assert.That(ex!.Message, Does.Contain("FakeClerkServerOptions.FrontendApiHost"));
        Assert.That(ex.InnerException, Is.InstanceOf<ArgumentException>());
    }
}
