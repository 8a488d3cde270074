using System;
using System.Linq;
using System.Threading.Tasks;
using Clerk.Authentication;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Authentication.AuthTestKit;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>Valid session tokens are accepted with typed claims: v1 and v2 organizations, actors, no typ, categories, pending.</summary>
[TestFixture]
public class SessionTokenTests
{
    [Test]
    public async Task ValidToken_ReturnsTypedClaims()
    {
        var claims = await PemVerifier().VerifySessionTokenAsync(HostileTokenCorpus.Valid());
        Assert.Multiple(() =>
        {
            Assert.That(claims.UserId, Is.EqualTo("user_2xyzUSER"));
            Assert.That(claims.SessionId, Is.EqualTo("sess_2xyzSESSION"));
            Assert.That(claims.SessionStatus, Is.EqualTo("active"));
            Assert.That(claims.IsPending, Is.False);
            Assert.That(claims.AuthorizedParty, Is.EqualTo(Party));
            Assert.That(claims.Issuer, Is.EqualTo(Issuer));
            Assert.That(claims.IssuedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(NowSeconds - 10)));
            Assert.That(claims.NotBefore, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(NowSeconds - 10)));
            Assert.That(claims.Expiration, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(NowSeconds + 50)));
            Assert.That(claims.Version, Is.EqualTo(2));
            Assert.That(claims.FactorVerificationAge!.FirstFactorMinutes, Is.EqualTo(3));
            Assert.That(claims.FactorVerificationAge!.SecondFactorMinutes, Is.EqualTo(-1));
            Assert.That(claims.Actor, Is.Null);
            Assert.That(claims.OrganizationId, Is.Null);
            Assert.That(claims.OrganizationPermissions, Is.Empty);
            Assert.That(claims.TryGetClaim("sid", out var sid) && sid.GetString() == "sess_2xyzSESSION");
            Assert.That(claims.ToString(), Does.Contain("user_2xyzUSER"));
        });
    }

    [Test]
    public async Task V2OrganizationClaims_AreDerivedAsClerkDoes()
    {
        var token = Sign(SessionHeader(), SessionClaims()
            .With("o", new { id = "org_2acme", slg = "acme", rol = "admin", per = "read,manage,delete", fpm = "3,5,0" })
            .With("fea", "o:invoices,u:export,ou:reports,uo:audit"));
        var claims = await PemVerifier().VerifySessionTokenAsync(token);
        Assert.That(claims.OrganizationId, Is.EqualTo("org_2acme"));
        Assert.That(claims.OrganizationSlug, Is.EqualTo("acme"));
        Assert.That(claims.OrganizationRole, Is.EqualTo("org:admin"));
        // org features: invoices (3 = read, manage), reports (5 = read, delete), audit (0 = none); u:export is a user feature.
        Assert.That(claims.OrganizationPermissions, Is.EqualTo(new[] { "org:invoices:read", "org:invoices:manage", "org:reports:read", "org:reports:delete" }));
        Assert.That(claims.Features, Is.EqualTo("o:invoices,u:export,ou:reports,uo:audit"));
    }

    [Test]
    public async Task V1OrganizationClaims_AreReadAsSent()
    {
        var token = Sign(SessionHeader(), SessionClaims().Without("v")
            .With("org_id", "org_1").With("org_slug", "one").With("org_role", "org:member").With("org_permissions", new[] { "org:sys_memberships:read" }));
        var claims = await PemVerifier().VerifySessionTokenAsync(token);
        Assert.That(claims.Version, Is.EqualTo(1));
        Assert.That((claims.OrganizationId, claims.OrganizationSlug, claims.OrganizationRole), Is.EqualTo(("org_1", "one", "org:member")));
        Assert.That(claims.OrganizationPermissions, Is.EqualTo(new[] { "org:sys_memberships:read" }));
    }

    [Test]
    public async Task ActorToken_ExposesTheActor()
    {
        var token = Sign(SessionHeader(), SessionClaims().With("act", new { sub = "user_2admin", iss = "https://dashboard.clerk.com", sid = "sess_2admin" }));
        var claims = await PemVerifier().VerifySessionTokenAsync(token);
        Assert.That(claims.Actor!.Subject, Is.EqualTo("user_2admin"));
        Assert.That(claims.Actor.Issuer, Is.EqualTo("https://dashboard.clerk.com"));
        Assert.That(claims.Actor.SessionId, Is.EqualTo("sess_2admin"));
        Assert.That(claims.UserId, Is.EqualTo("user_2xyzUSER"));
    }

    [TestCase(null, TestName = "Accepted: no typ header")]
    [TestCase("cl_B7d4PD111AAA", TestName = "Accepted: session category")]
    [TestCase("cl_I7d4PD111III", TestName = "Accepted: neutral category")]
    public async Task HeaderVariants_AreAccepted(string? category)
    {
        var header = SessionHeader().Without("typ");
        if (category is not null)
        {
            header = header.With("cat", category);
        }
        Assert.That((await PemVerifier().VerifySessionTokenAsync(Sign(header, SessionClaims()))).UserId, Is.EqualTo("user_2xyzUSER"));
    }

    [Test]
    public async Task TokenWithoutKid_IsAcceptedWithPemKey_AndOlderClaimsWithoutStsOrV()
    {
        var token = Sign(SessionHeader(kid: null), SessionClaims().Without("sts").Without("v").Without("nbf").Without("fva"));
        var claims = await PemVerifier().VerifySessionTokenAsync(token);
        Assert.That(claims.SessionStatus, Is.Null);
        Assert.That(claims.FactorVerificationAge, Is.Null);
    }

    [Test]
    public async Task PendingSession_IsReportedAsPending_WhenAccepted()
    {
        var token = Sign(SessionHeader(), SessionClaims().With("sts", "pending"));
        var claims = await PemVerifier(o => o.AcceptPendingSessions = true).VerifySessionTokenAsync(token);
        Assert.That(claims.IsPending, Is.True);
    }

    [Test]
    public async Task NoAuthorizedParties_AcceptsAnyOrMissingAzp()
    {
        var token = Sign(SessionHeader(), SessionClaims().Without("azp"));
        Assert.That(await PemVerifier(o => o.AuthorizedParties.Clear()).VerifySessionTokenAsync(token), Is.Not.Null);
    }

    [Test]
    public async Task IssuerFromPublishableKey_IsEnforced()
    {
        var publishableKey = "pk_test_" + B64("clerk.example.com$");
        var token = HostileTokenCorpus.Valid();
        Assert.That(await PemVerifier(o => { o.Issuer = null; o.PublishableKey = publishableKey; }).VerifySessionTokenAsync(token), Is.Not.Null);
        var other = "pk_live_" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("clerk.other.com$"));
        var error = await HostileTokenTests.CatchAsync(() => PemVerifier(o => { o.Issuer = null; o.PublishableKey = other; }).VerifySessionTokenAsync(token));
        Assert.That(error?.Reason, Is.EqualTo(ClerkTokenFailureReason.InvalidIssuer));
    }

    [Test]
    public async Task WithoutKnownIssuer_AnyHttpsIssuerIsAccepted_ButNotHttp()
    {
        var verifier = PemVerifier(o => o.Issuer = null);
        Assert.That(await verifier.VerifySessionTokenAsync(Sign(SessionHeader(), SessionClaims().With("iss", "https://clerk.other.dev"))), Is.Not.Null);
        var error = await HostileTokenTests.CatchAsync(() => verifier.VerifySessionTokenAsync(Sign(SessionHeader(), SessionClaims().With("iss", "http://clerk.other.dev"))));
        Assert.That(error?.Reason, Is.EqualTo(ClerkTokenFailureReason.InvalidIssuer));
    }

    [Test]
    public async Task OtherAllowedAlgorithms_WorkWhenConfigured()
    {
        var ps = Sign(SessionHeader().With("alg", "PS256"), SessionClaims(), KeyA, "PS256");
        Assert.That(await PemVerifier(o => o.AllowedAlgorithms = ["RS256", "PS256"]).VerifySessionTokenAsync(ps), Is.Not.Null);
        var es = SignEc(SessionHeader().With("alg", "ES256"), SessionClaims());
        var ecVerifier = PemVerifier(o => { o.JwtKey = EcKey.ExportSubjectPublicKeyInfoPem(); o.AllowedAlgorithms = ["ES256"]; });
        Assert.That(await ecVerifier.VerifySessionTokenAsync(es), Is.Not.Null);
        // An RS256 token against the EC key: the key type does not fit the algorithm.
        var mismatch = await HostileTokenTests.CatchAsync(() => PemVerifier(o => { o.JwtKey = EcKey.ExportSubjectPublicKeyInfoPem(); o.AllowedAlgorithms = ["ES256", "RS256"]; }).VerifySessionTokenAsync(HostileTokenCorpus.Valid()));
        Assert.That(mismatch?.Reason, Is.EqualTo(ClerkTokenFailureReason.UnsupportedAlgorithm));
    }

    [TestCase("none")]
    [TestCase("HS256")]
    [TestCase("")]
    public void Options_RefuseNoneAndHmac(string algorithm)
    {
        Assert.Throws<ClerkConfigurationException>(() => PemVerifier(o => o.AllowedAlgorithms = [algorithm]));
    }

    [Test]
    public void Options_RefuseBadSettings()
    {
        Assert.Throws<ClerkConfigurationException>(() => new ClerkTokenVerifier(new ClerkTokenVerifierOptions()));
        Assert.Throws<ClerkConfigurationException>(() => PemVerifier(o => o.JwtKey = "not a pem"));
        Assert.Throws<ClerkConfigurationException>(() => PemVerifier(o => o.Issuer = "http://clerk.example.com"));
        Assert.Throws<ClerkConfigurationException>(() => PemVerifier(o => { o.Issuer = null; o.PublishableKey = "pk_test_bm90LWEta2V5"; }));
        Assert.Throws<ClerkConfigurationException>(() => PemVerifier(o => o.ClockSkew = TimeSpan.FromSeconds(-1)));
        using var small = System.Security.Cryptography.RSA.Create(1024);
        Assert.Throws<ClerkConfigurationException>(() => PemVerifier(o => o.JwtKey = small.ExportSubjectPublicKeyInfoPem()));
    }

    [Test]
    public void Secrets_NeverAppearInMessagesOrToString()
    {
        var secretKey = "sk_test_" + new string('S', 40);
        using var clerk = new ClerkClient(secretKey);
        var options = new ClerkTokenVerifierOptions { JwtKey = PemA, Issuer = Issuer };
        var verifier = new ClerkTokenVerifier(clerk, options);
        var pemBody = PemA.Split('\n')[1];
        foreach (var text in new[] { verifier.ToString(), options.ToString() })
        {
            Assert.That(text, Does.Not.Contain(secretKey).And.Not.Contain(pemBody[..20]));
        }
        var token = Sign(SessionHeader(), SessionClaims().With("exp", NowSeconds - 100));
        var error = Assert.ThrowsAsync<ClerkTokenException>(() => PemVerifier().VerifySessionTokenAsync(token));
        HostileTokenTests.AssertNoTokenContent(error!.Message + error.ToString(), token);
        Assert.That(error.ToString(), Does.Not.Contain("user_2xyzUSER"), "claim values are not echoed");
    }
}
