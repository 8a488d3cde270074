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
}
