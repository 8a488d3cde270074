using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.Authentication;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Authentication.AuthTestKit;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>AuthenticateRequestAsync: Bearer header or __session cookie, signed in or signed out with a reason, never throws for bad tokens.</summary>
[TestFixture]
public class AuthenticateRequestTests
{
    private static HttpRequestMessage Request(string? authorization = null, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "https://app.example.com/api/me");
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (cookie is not null) request.Headers.TryAddWithoutValidation("Cookie", cookie);
        return request;
    }

    [Test]
    public async Task BearerSessionToken_IsSignedIn()
    {
        using var request = Request("Bearer " + HostileTokenCorpus.Valid());
        var state = await PemVerifier().AuthenticateRequestAsync(request);
        Assert.That(state.IsSignedIn, Is.True);
        Assert.That(state.TokenType, Is.EqualTo(ClerkTokenType.SessionToken));
        Assert.That(state.Session!.UserId, Is.EqualTo("user_2xyzUSER"));
        Assert.That(state.Subject, Is.EqualTo("user_2xyzUSER"));
        Assert.That(state.Reason, Is.Null);
    }

    [Test]
    public async Task SessionCookie_IsSignedIn()
    {
        using var request = Request(cookie: "theme=dark; __session=" + HostileTokenCorpus.Valid() + "; __client_uat=1700000000");
        var state = await PemVerifier().AuthenticateRequestAsync(request);
        Assert.That(state.IsSignedIn, Is.True);
    }

    [Test]
    public async Task HeaderWinsOverCookie_AndOtherSchemesFallBackToTheCookie()
    {
        var expired = Sign(SessionHeader(), SessionClaims().With("exp", NowSeconds - 60));
        using (var request = Request("Bearer " + expired, "__session=" + HostileTokenCorpus.Valid()))
        {
            var state = await PemVerifier().AuthenticateRequestAsync(request);
            Assert.That((state.IsSignedIn, state.Reason), Is.EqualTo((false, (ClerkTokenFailureReason?)ClerkTokenFailureReason.Expired)));
        }
        using (var request = Request("Basic dXNlcjpwYXNz", "__session=" + HostileTokenCorpus.Valid() + "; __client_uat=1700000000"))
        {
            Assert.That((await PemVerifier().AuthenticateRequestAsync(request)).IsSignedIn, Is.True);
        }
    }

    [Test]
    public async Task NoToken_IsSignedOutWithMissingToken()
    {
        using var request = Request(cookie: "theme=dark");
        var state = await PemVerifier().AuthenticateRequestAsync(request);
        // As Clerk reports it: the session token (cookie) flow found neither a token nor __client_uat.
        Assert.That((state.IsSignedIn, state.Reason, state.TokenType, state.AuthReason), Is.EqualTo((false, (ClerkTokenFailureReason?)ClerkTokenFailureReason.MissingToken, (ClerkTokenType?)ClerkTokenType.SessionToken, "session-token-and-uat-missing")));
    }

    [Test]
    public async Task BadTokens_AreSignedOutWithTheirReason()
    {
        var cases = new Dictionary<string, ClerkTokenFailureReason>
        {
            ["Bearer not-a-jwt"] = ClerkTokenFailureReason.Malformed,
            ["Bearer " + Sign(SessionHeader(), SessionClaims().With("sts", "pending"))] = ClerkTokenFailureReason.SessionPending,
            ["Bearer " + Sign(SessionHeader(), SessionClaims(), KeyB)] = ClerkTokenFailureReason.InvalidSignature,
            ["bearer " + Sign(SessionHeader(), SessionClaims().Without("azp"))] = ClerkTokenFailureReason.UnauthorizedParty,
        };
        foreach (var (authorization, reason) in cases)
        {
            using var request = Request(authorization);
            var state = await PemVerifier().AuthenticateRequestAsync(request);
            Assert.That((state.IsSignedIn, state.Reason), Is.EqualTo((false, (ClerkTokenFailureReason?)reason)), authorization[..Math.Min(30, authorization.Length)]);
            Assert.That(state.ToString(), Does.StartWith("SignedOut"));
            HostileTokenTests.AssertNoTokenContent(state.Message!, authorization);
        }
    }

    [Test]
    public async Task MachineTokenInHeader_NotAccepted_ByDefault()
    {
        using var request = Request("Bearer ak_live_somesecret");
        var state = await PemVerifier().AuthenticateRequestAsync(request);
        // Clerk reads an opaque machine token where only session tokens are accepted as a session token that does not decode.
        Assert.That((state.IsSignedIn, state.Reason, state.AuthReason), Is.EqualTo((false, (ClerkTokenFailureReason?)ClerkTokenFailureReason.TokenTypeNotAccepted, "token-invalid")));
    }

    [Test]
    public async Task SessionTokens_NotAccepted_WhenOnlyMachineTokensAre()
    {
        var verifier = PemVerifier(o => o.AcceptedTokenTypes = ClerkTokenTypes.MachineTokens);
        using var header = Request("Bearer " + HostileTokenCorpus.Valid());
        Assert.That((await verifier.AuthenticateRequestAsync(header)).Reason, Is.EqualTo(ClerkTokenFailureReason.TokenTypeNotAccepted));
        using var cookie = Request(cookie: "__session=" + HostileTokenCorpus.Valid());
        Assert.That((await verifier.AuthenticateRequestAsync(cookie)).Reason, Is.EqualTo(ClerkTokenFailureReason.TokenTypeNotAccepted));
    }

    [Test]
    public async Task PlainHeadersAndCookies_Work()
    {
        var token = HostileTokenCorpus.Valid();
        var verifier = PemVerifier();
        var byHeader = await verifier.AuthenticateRequestAsync(new[] { KeyValuePair.Create("authorization", "Bearer " + token) });
        var byCookies = await verifier.AuthenticateRequestAsync(Array.Empty<KeyValuePair<string, string>>(), new[] { KeyValuePair.Create("__session", token) });
        var byCookieHeader = await verifier.AuthenticateRequestAsync(new[] { KeyValuePair.Create("Cookie", "a=b; __session=" + token) });
        Assert.That((byHeader.IsSignedIn, byCookies.IsSignedIn, byCookieHeader.IsSignedIn), Is.EqualTo((true, true, true)));
        Assert.That((await verifier.AuthenticateTokenAsync(null)).Reason, Is.EqualTo(ClerkTokenFailureReason.MissingToken));
        Assert.That((await verifier.AuthenticateTokenAsync(token)).IsSignedIn, Is.True);
    }

    [Test]
    public async Task JwksKeysUnavailable_IsSignedOutWithThatReason()
    {
        using var instance = new JwksHarness();
        instance.Status = System.Net.HttpStatusCode.ServiceUnavailable;
        using var request = Request("Bearer " + HostileTokenCorpus.Valid());
        var state = await instance.Verifier().AuthenticateRequestAsync(request);
        Assert.That((state.IsSignedIn, state.Reason), Is.EqualTo((false, (ClerkTokenFailureReason?)ClerkTokenFailureReason.KeysUnavailable)));
    }

    private static async Task<ClerkRequestState> AuthenticateAsync(ClerkTokenVerifier verifier, Dictionary<string, string> headers, string url = "https://app.example.com/api/me")
    {
        var request = new ClerkAuthenticationRequest(new Uri(url));
        foreach (var (name, value) in headers) request.Headers[name] = value;
        return await verifier.AuthenticateRequestAsync(request);
    }

    [Test]
    public void ANullRequest_IsRefusedByName() =>
        Assert.That(Assert.ThrowsAsync<ArgumentNullException>(() => PemVerifier().AuthenticateRequestAsync((ClerkAuthenticationRequest)null!))!.ParamName, Is.EqualTo("request"));

    /// <summary>The token length limit on a header token: at the limit it is read (and its kind told), one over it is not.</summary>
    [TestCase(ClerkTokenTypes.SessionToken | ClerkTokenTypes.M2MToken, 64, "SignedOut - TokenTypeNotAccepted token-type-mismatch: The request's token is of a kind not accepted here.", TestName = "several kinds, an API key at the limit: its kind is told")]
    [TestCase(ClerkTokenTypes.SessionToken | ClerkTokenTypes.M2MToken, 65, "SignedOut - TokenTooLarge token-invalid: The token is over the limit of 64 characters; it was not decoded.", TestName = "several kinds, an API key over the limit: not read at all")]
    [TestCase(ClerkTokenTypes.M2MToken, 64, "SignedOut M2MToken TokenTypeNotAccepted token-type-mismatch: An API key is not accepted here.", TestName = "M2M only, an API key at the limit")]
    [TestCase(ClerkTokenTypes.M2MToken, 65, "SignedOut - TokenTooLarge token-invalid: The token is over the limit of 64 characters; it was not decoded.", TestName = "M2M only, an API key over the limit")]
    public async Task AHeaderTokenAtTheLengthLimit_IsRead_OneOverIsNot(ClerkTokenTypes accepted, int length, string expected)
    {
        var verifier = PemVerifier(o => { o.MaxTokenLength = 64; o.AcceptedTokenTypes = accepted; });
        var state = await AuthenticateAsync(verifier, new() { ["Authorization"] = "Bearer ak_" + new string('x', length - 3) });
        Assert.That($"{state.Status} {state.TokenType?.ToString() ?? "-"} {state.Reason} {state.AuthReason}: {state.Message}", Is.EqualTo(expected));
    }

    /// <summary>The handshake asks Clerk to refresh the session of the cookie (the one the browser holds), not of a bearer token beside it.</summary>
    [Test]
    public async Task AHandshake_CarriesTheCookiesSessionToken()
    {
        var expired = Sign(SessionHeader(), SessionClaims().With("exp", NowSeconds - 60).With("iat", NowSeconds - 120));
        var cookie = Sign(SessionHeader(), SessionClaims().With("sid", "sess_COOKIE").With("exp", NowSeconds - 60).With("iat", NowSeconds - 120));
        var verifier = PemVerifier(o => { o.Issuer = null; o.PublishableKey = Clerk.PublishableKey.FromFrontendApiHost("clerk.example.com").Value; });
        var state = await AuthenticateAsync(verifier, new()
        {
            ["Authorization"] = "Bearer " + expired,
            ["Cookie"] = $"__session={cookie}; __client_uat=1",
            ["Sec-Fetch-Dest"] = "document",
        }, "https://app.example.com/dashboard");
        Assert.That(state.Status, Is.EqualTo(ClerkAuthStatus.Handshake));
        Assert.That(RequestParsing.QueryValue(new Uri(state.RedirectLocation!), "__session"), Is.EqualTo(cookie));
    }

    /// <summary>Token-only authentication names the kind it refused, from the exception or from the token's shape.</summary>
    [Test]
    public async Task TokenOnly_ARefusedHeaderToken_KeepsItsKind()
    {
        var m2m = Sign(new Dictionary<string, object?> { ["alg"] = "RS256", ["kid"] = KidA, ["typ"] = "JWT" }, new Dictionary<string, object?> { ["sub"] = "mch_1", ["exp"] = NowSeconds - 60, ["iat"] = NowSeconds - 120, ["iss"] = Issuer });
        var state = await PemVerifier(o => o.AcceptedTokenTypes = ClerkTokenTypes.Any).AuthenticateTokenAsync(m2m);
        Assert.That((state.TokenType, state.Reason), Is.EqualTo(((ClerkTokenType?)ClerkTokenType.M2MToken, (ClerkTokenFailureReason?)ClerkTokenFailureReason.Expired)));
        var garbage = await PemVerifier().AuthenticateRequestAsync([KeyValuePair.Create("Authorization", "Bearer not.a.jwt")]);
        Assert.That((garbage.TokenType, garbage.Reason), Is.EqualTo(((ClerkTokenType?)ClerkTokenType.SessionToken, (ClerkTokenFailureReason?)ClerkTokenFailureReason.Malformed)));
    }

    [Test]
    public void Descriptions_OfVerifiers_NameTheirKeysNeverTheKey()
    {
        Assert.That(PemVerifier().ToString(), Is.EqualTo($"ClerkTokenVerifier(keys=JwtKey, issuer={Issuer}, authorizedParties=1, accepts=SessionToken)"));
        Assert.That(PemVerifier(o => { o.Issuer = null; o.AuthorizedParties = []; o.AcceptedTokenTypes = ClerkTokenTypes.Any; }).ToString(),
            Is.EqualTo("ClerkTokenVerifier(keys=JwtKey, issuer=any https, authorizedParties=0, accepts=Any)"));
        using var client = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_verifier_description" });
        var jwks = new ClerkTokenVerifier(client, new ClerkTokenVerifierOptions());
        Assert.That(jwks.ToString(), Is.EqualTo("ClerkTokenVerifier(keys=JWKS, issuer=any https, authorizedParties=0, accepts=SessionToken)"));
        Assert.That(jwks.ToString(), Does.Not.Contain("sk_test"));
    }

    /// <summary>Without a publishable key there is no Frontend API to hand a cross-origin page over to: it is signed out, not trusted.</summary>
    [Test]
    public async Task ACrossOriginPage_WithoutAPublishableKey_IsSignedOut()
    {
        var state = await AuthenticateAsync(PemVerifier(), new()
        {
            ["Cookie"] = $"__session={HostileTokenCorpus.Valid()}; __client_uat=1",
            ["Sec-Fetch-Dest"] = "document",
            ["Referer"] = "https://elsewhere.example.org/page",
        }, "https://app.example.com/dashboard");
        Assert.That((state.Status, state.AuthReason), Is.EqualTo((ClerkAuthStatus.SignedOut, "primary-domain-cross-origin-sync")));
    }

    /// <summary>An EC key and an RS256 token: the key's type does not fit the algorithm, said before any signature check.</summary>
    [Test]
    public async Task AnRsaTokenForAnEcKey_IsRefusedForTheMismatch()
    {
        using var instance = new JwksHarness();
        var p = EcKey.ExportParameters(false);
        instance.JwksJson = Json(new { keys = new object[] { new Dictionary<string, object?> { ["kid"] = KidA, ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B64(p.Q.X!), ["y"] = B64(p.Q.Y!) } } });
        var error = await HostileTokenTests.CatchAsync(() => instance.Verifier(o => o.AllowedAlgorithms = ["RS256", "ES256"]).VerifySessionTokenAsync(Sign(SessionHeader(), SessionClaims())));
        Assert.That((error?.Reason, error?.Message), Is.EqualTo(((ClerkTokenFailureReason?)ClerkTokenFailureReason.UnsupportedAlgorithm, "The token's alg does not match the key's algorithm or type.")));
    }
}
