using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Clerk.Authentication;
using Clerk.BackendApi;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// How verified claims are read into the SDK's types when they are not what Clerk issues: a claim of another JSON type
/// is ignored or refuses the token (as Clerk's parser throws), never an <see cref="InvalidOperationException"/> from a
/// typed read; machine-token results from JWT payloads and Backend API answers with missing parts.
/// </summary>
public class ClaimsReadingTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static ClerkSessionClaims Session(string json)
    {
        var payload = Parse(json);
        return new ClerkSessionClaims(payload, OrganizationClaimsParser.Parse(payload));
    }

    [TestCase("null", false)]
    [TestCase("false", false)]
    [TestCase("true", true)]
    [TestCase("0", false)]
    [TestCase("0.0", false)]
    [TestCase("-0", false)]
    [TestCase("1", true)]
    [TestCase("-2.5", true)]
    [TestCase("\"\"", false)]
    [TestCase("\"0\"", true)]
    [TestCase("[]", true)]
    [TestCase("{}", true)]
    public void Truthiness_IsJavaScripts(string json, bool expected) =>
        Assert.That(JsonClaims.IsTruthy(Parse(json)), Is.EqualTo(expected));

    [Test]
    public void AnAbsentValue_IsFalsy() => Assert.That(JsonClaims.IsTruthy(default), Is.False);

    [Test]
    public void TypedReads_OfAnotherType_AreNull()
    {
        var claims = Parse("""{"s":5,"n":"5","a":[1]}""");
        Assert.Multiple(() =>
        {
            Assert.That(JsonClaims.GetString(claims, "s"u8), Is.Null);
            Assert.That(JsonClaims.GetString(claims, "missing"u8), Is.Null);
            Assert.That(JsonClaims.GetString(Parse("[\"s\"]"), "s"u8), Is.Null);
            Assert.That(JsonClaims.GetNumber(claims, "n"u8), Is.Null);
            Assert.That(JsonClaims.GetNumber(Parse("3"), "n"u8), Is.Null);
            Assert.That(JsonClaims.IsTruthyProperty(Parse("[1]"), "a"u8, out _), Is.False);
            Assert.That(JsonClaims.IsTruthyProperty(Parse("\"a\""), "a", out _), Is.False);
        });
    }

    [TestCase("253402300799", 253402300799L, TestName = "the last second of year 9999 is a date")]
    [TestCase("-253402300799", -253402300799L, TestName = "and so is its negative")]
    [TestCase("1700000000.9", 1700000000L, TestName = "fractions are truncated")]
    [TestCase("-1.5", -1L, TestName = "towards zero")]
    public void UnixSeconds_WithinYear9999_AreDates(string json, long expected)
    {
        Assert.That(JsonClaims.TryGetUnixSeconds(Parse(json), out var seconds), Is.True);
        Assert.That(seconds, Is.EqualTo(expected));
    }

    [TestCase("253402300800")]
    [TestCase("-253402300800")]
    [TestCase("1e300")]
    [TestCase("\"1700000000\"")]
    [TestCase("null")]
    public void UnixSeconds_BeyondYear9999OrNotNumbers_AreNotDates(string json) =>
        Assert.That(JsonClaims.TryGetUnixSeconds(Parse(json), out _), Is.False);

    [Test]
    public void SessionClaims_OfAnotherType_AreIgnored()
    {
        var session = Session("""{"sub":"user_1","v":"2","act":"impersonator","fva":"5,5","o":{"id":"org_1","rol":"admin"}}""");
        Assert.Multiple(() =>
        {
            Assert.That(session.Version, Is.EqualTo(1), "v as a string is not version 2");
            Assert.That(session.Actor, Is.Null, "act must be an object");
            Assert.That(session.FactorVerificationAge, Is.Null, "fva must be an array of two numbers");
            Assert.That(session.OrganizationId, Is.Null, "a version-1 token reads org_id, not o");
        });
        Assert.That(Session("""{"sub":"user_1","v":2.5}""").Version, Is.EqualTo(1), "a version that is not an integer");
        Assert.That(Session("""{"sub":"user_1","fva":[1]}""").FactorVerificationAge, Is.Null);
        Assert.That(Session("""{"v":2}""").UserId, Is.Empty, "no sub");
    }

    [Test]
    public void VersionOneOrganizationClaims_SkipWhatIsNotAList()
    {
        Assert.That(Session("""{"sub":"u","org_id":"org_1","org_permissions":"org:a:read"}""").OrganizationPermissions, Is.Empty);
        Assert.That(Session("""{"sub":"u","org_id":"org_1","org_permissions":["org:a:read",5]}""").OrganizationPermissions, Is.EqualTo(new[] { "org:a:read" }));
    }

    [TestCase("""{"v":2,"o":{"id":"org_1","rol":5}}""", "o.rol", TestName = "a role that is not a string")]
    [TestCase("""{"v":2,"o":{"id":"org_1","per":5,"fpm":"1"},"fea":"o:a"}""", "o.per", TestName = "permissions that are not a string")]
    [TestCase("""{"v":2,"o":{"id":"org_1","per":"read","fpm":[1]},"fea":"o:a"}""", "o.fpm", TestName = "a bitmap list that is not a string")]
    [TestCase("""{"v":2,"o":{"id":"org_1"},"fea":5}""", "fea", TestName = "features that are not a string")]
    [TestCase("""{"v":2,"o":{"id":"org_1"},"fea":"o:a,b"}""", "fea", TestName = "a feature without a scope")]
    public void VersionTwoClaimsClerkCannotRead_RefuseTheToken(string json, string claim)
    {
        var error = Assert.Throws<ClerkTokenException>(() => OrganizationClaimsParser.Parse(Parse(json)))!;
        Assert.That(error.Reason, Is.EqualTo(ClerkTokenFailureReason.InvalidClaim));
        Assert.That(error.Message, Does.Contain($"'{claim}'"));
    }

    [Test]
    public void VersionTwoBitmaps_EmptyOrZero_GiveNoPermissions()
    {
        var claims = OrganizationClaimsParser.Parse(Parse("""{"v":2,"o":{"id":"org_1","per":"read,manage","fpm":",0,3"},"fea":"o:a,o:b,o:c"}"""));
        Assert.That(claims.Permissions, Is.EqualTo(new[] { "org:c:read", "org:c:manage" }));
    }

    [Test]
    public void M2MJwt_ScopesFromScopesOrAud_ClaimsWithoutTheReservedOnes()
    {
        var withScopes = MachineTokenResults.FromM2MJwt(Parse("""{"jti":"mt_1","scopes":" a  b ","aud":["x"],"exp":1700000000,"iss":"i","sub":"mch_1","iat":1,"nbf":1,"custom":{"k":1}}"""), "mch_1");
        Assert.Multiple(() =>
        {
            Assert.That((withScopes.TokenType, withScopes.Id, withScopes.Subject), Is.EqualTo((ClerkTokenType.M2MToken, "mt_1", "mch_1")));
            Assert.That(withScopes.Scopes, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(withScopes.Claims!.Value.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "scopes", "aud", "custom" }));
            Assert.That(withScopes.Expiration, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700000000)));
            Assert.That(withScopes.VerifiedLocally, Is.True);
        });
        Assert.That(MachineTokenResults.FromM2MJwt(Parse("""{"aud":"x"}"""), "mch_1").Scopes, Is.EqualTo(new[] { "x" }));
        Assert.That(MachineTokenResults.FromM2MJwt(Parse("""{"aud":["x",5,"y"]}"""), "mch_1").Scopes, Is.EqualTo(new[] { "x", "y" }));
        Assert.That(MachineTokenResults.FromM2MJwt(Parse("""{"aud":5}"""), "mch_1").Scopes, Is.Empty);
        var bare = MachineTokenResults.FromM2MJwt(Parse("{}"), "mch_1");
        Assert.That((bare.Id, bare.Scopes.Count, bare.Expiration), Is.EqualTo((string.Empty, 0, (DateTimeOffset?)null)));
    }

    [Test]
    public void OAuthJwt_ScopesFromScpOrScope()
    {
        var payload = Parse("""{"jti":"oat_1","client_id":"client_1","scp":["read",5,"write"],"scope":"ignored","exp":1700000000}""");
        var auth = MachineTokenResults.FromOAuthJwt(payload, "user_1");
        Assert.Multiple(() =>
        {
            Assert.That((auth.TokenType, auth.Id, auth.Subject, auth.ClientId), Is.EqualTo((ClerkTokenType.OAuthToken, "oat_1", "user_1", "client_1")));
            Assert.That(auth.Scopes, Is.EqualTo(new[] { "read", "write" }));
            Assert.That(auth.Claims!.Value.GetRawText(), Is.EqualTo(payload.GetRawText()));
            Assert.That(auth.VerifiedLocally, Is.True);
        });
        Assert.That(MachineTokenResults.FromOAuthJwt(Parse("""{"scp":"read write","scope":"profile email"}"""), "u").Scopes, Is.EqualTo(new[] { "profile", "email" }));
        var bare = MachineTokenResults.FromOAuthJwt(Parse("{}"), "u");
        Assert.That((bare.Id, bare.Scopes.Count, bare.ClientId), Is.EqualTo((string.Empty, 0, (string?)null)));
    }

    [Test]
    public void BackendAnswers_WithMissingParts_GiveEmptyValues()
    {
        var apiKey = MachineTokenResults.FromApiKey(new ApiKey { Name = "ci", Scopes = null!, Expiration = 1_700_000_000_000, Claims = new Dictionary<string, object> { ["tier"] = "gold" } });
        var m2m = MachineTokenResults.FromM2M(new M2MToken());
        var oauth = MachineTokenResults.FromOAuth(new VerifyOAuthAccessTokenResponse { ClientId = "client_1", Scopes = ["read"] });
        Assert.Multiple(() =>
        {
            Assert.That((apiKey.TokenType, apiKey.Id, apiKey.Subject, apiKey.Name), Is.EqualTo((ClerkTokenType.ApiKey, string.Empty, string.Empty, "ci")));
            Assert.That(apiKey.Scopes, Is.Empty);
            Assert.That(apiKey.Claims!.Value.GetRawText(), Is.EqualTo("""{"tier":"gold"}"""));
            Assert.That(apiKey.Expiration, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000)));
            Assert.That(apiKey.VerifiedLocally, Is.False);
            Assert.That((m2m.TokenType, m2m.Id, m2m.Subject, m2m.Scopes.Count, m2m.Claims, m2m.Expiration), Is.EqualTo((ClerkTokenType.M2MToken, string.Empty, string.Empty, 0, (JsonElement?)null, (DateTimeOffset?)null)));
            Assert.That((oauth.TokenType, oauth.Id, oauth.Subject, oauth.ClientId), Is.EqualTo((ClerkTokenType.OAuthToken, string.Empty, string.Empty, "client_1")));
            Assert.That(oauth.Scopes, Is.EqualTo(new[] { "read" }));
        });
    }

    [Test]
    public void Descriptions_NameTheKindAndSubject_NeverTheToken()
    {
        var machine = MachineTokenResults.FromM2MJwt(Parse("""{"jti":"mt_1"}"""), "mch_1");
        var session = Session("""{"sub":"user_1","sid":"sess_1","act":{"sub":"user_admin"}}""");
        Assert.Multiple(() =>
        {
            Assert.That(machine.ToString(), Is.EqualTo("ClerkMachineAuth(M2MToken, Id=mt_1, Subject=mch_1)"));
            Assert.That(session.Actor!.ToString(), Is.EqualTo("ClerkActor(user_admin)"));
            Assert.That(ClerkRequestState.SignedIn(machine).ToString(), Is.EqualTo("SignedIn(M2MToken, mch_1)"));
            Assert.That(ClerkRequestState.SignedIn(machine).Subject, Is.EqualTo("mch_1"));
            Assert.That(ClerkRequestState.SignedIn(session).Subject, Is.EqualTo("user_1"));
            Assert.That(ClerkRequestState.SignedOut(null, ClerkTokenFailureReason.MissingToken, "none").ToString(), Is.EqualTo("SignedOut(no token, MissingToken)"));
            Assert.That(ClerkRequestState.SignedOut(ClerkTokenType.ApiKey, ClerkTokenFailureReason.Expired, "old").ToString(), Is.EqualTo("SignedOut(ApiKey, Expired)"));
            Assert.That(ClerkRequestState.Handshake(ClerkTokenFailureReason.Expired, "session-token-expired", "", []).ToString(), Is.EqualTo("Handshake(session-token-expired)"));
        });
    }

    /// <summary>A bitmap with bits beyond the permission names (here 20 digits, so read as a big number) gives only the named ones.</summary>
    [Test]
    public void BitsBeyondThePermissionNames_AreIgnored()
    {
        var claims = OrganizationClaimsParser.Parse(Parse("""{"v":2,"o":{"id":"org_1","per":"read","fpm":"00000000000000000007"},"fea":"o:a"}"""));
        Assert.That(claims.Permissions, Is.EqualTo(new[] { "org:a:read" }));
    }

    [Test]
    public async Task ASessionStatusThatIsNotAString_IsRefused()
    {
        var token = AuthTestKit.Sign(AuthTestKit.SessionHeader(), AuthTestKit.SessionClaims().With("sts", 5));
        var error = await HostileTokenTests.CatchAsync(() => AuthTestKit.PemVerifier().VerifySessionTokenAsync(token));
        Assert.That((error?.Reason, error?.Message), Is.EqualTo(((ClerkTokenFailureReason?)ClerkTokenFailureReason.SessionNotActive, "The session status (sts) is neither active nor pending.")));
    }
}
