using System;
using System.Net.Http;
using Clerk.Authentication;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// The request the verifier authenticates: what it refuses to be built from, how it reads an
/// <see cref="HttpRequestMessage"/>'s repeated headers, and how it reads cookies from the <c>Cookie</c> header (quoted
/// values, percent-encoding, the first of two wins, the <see cref="ClerkAuthenticationRequest.Cookies"/> given instead).
/// </summary>
public class AuthenticationRequestTests
{
    private static readonly Uri Page = new("https://app.example.com/dashboard");

    [Test]
    public void BadArguments_AreRefusedByName()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentNullException>(() => _ = new ClerkAuthenticationRequest(null!))!.ParamName, Is.EqualTo("url"));
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new ClerkAuthenticationRequest(Page, " "))!.ParamName, Is.EqualTo("method"));
            var relative = Assert.Throws<ArgumentException>(() => _ = new ClerkAuthenticationRequest(new Uri("/dashboard", UriKind.Relative)))!;
            Assert.That((relative.ParamName, relative.Message), Is.EqualTo(("url", "The request URL must be absolute (https://app.example.com/path). (Parameter 'url')")));
            Assert.That(Assert.Throws<ArgumentNullException>(() => ClerkAuthenticationRequest.From(null!))!.ParamName, Is.EqualTo("request"));
            using var noUri = new HttpRequestMessage(HttpMethod.Get, (Uri?)null);
            Assert.That(Assert.Throws<ArgumentException>(() => ClerkAuthenticationRequest.From(noUri))!.Message, Does.StartWith("The request needs an absolute RequestUri to be authenticated."));
        });
    }

    [Test]
    public void TheMethod_IsUpperCase() => Assert.That(new ClerkAuthenticationRequest(Page, "post").Method, Is.EqualTo("POST"));

    [Test]
    public void FromAMessage_RepeatedHeadersAreJoined_CookiesWithASemicolon()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, Page);
        message.Headers.TryAddWithoutValidation("Accept", "text/html");
        message.Headers.TryAddWithoutValidation("Accept", "application/xhtml+xml");
        message.Headers.TryAddWithoutValidation("Cookie", "__session=a");
        message.Headers.TryAddWithoutValidation("Cookie", "__client_uat=5");

        var request = ClerkAuthenticationRequest.From(message);

        Assert.That(request.Headers["accept"], Is.EqualTo("text/html, application/xhtml+xml"));
        Assert.That(request.Headers["Cookie"], Is.EqualTo("__session=a; __client_uat=5"));
        Assert.That(request.ReadCookies(), Is.EquivalentTo(new System.Collections.Generic.Dictionary<string, string> { ["__session"] = "a", ["__client_uat"] = "5" }));
    }

    [Test]
    public void AnEmptyHeader_CountsAsAbsent()
    {
        var request = new ClerkAuthenticationRequest(Page) { Headers = { ["Authorization"] = "", ["Origin"] = "https://app.example.com" } };
        Assert.That(request.Header("Authorization"), Is.Null);
        Assert.That(request.Header("origin"), Is.EqualTo("https://app.example.com"));
        Assert.That(request.Header("Referer"), Is.Null);
    }

    [TestCase("a=\"quoted\"", "quoted", TestName = "a quoted value loses its quotes")]
    [TestCase("a=\"\"", "", TestName = "two quotes are an empty value")]
    [TestCase("a=\"", "\"", TestName = "one quote stays")]
    [TestCase("a=\"x", "\"x", TestName = "an unclosed quote stays")]
    [TestCase("a=x\"", "x\"", TestName = "a closing quote alone stays")]
    [TestCase("a=b%20c", "b c", TestName = "percent-encoding is decoded")]
    [TestCase("a=%zz", "%zz", TestName = "an invalid percent sequence stays")]
    [TestCase("a=1; a=2", "1", TestName = "the first of two wins")]
    [TestCase(" a = padded ", "padded", TestName = "spaces around are trimmed")]
    public void ACookieHeaderValue_IsReadAsBrowsersSendIt(string header, string expected)
    {
        var request = new ClerkAuthenticationRequest(Page) { Headers = { ["Cookie"] = header } };
        Assert.That(request.ReadCookies()["a"], Is.EqualTo(expected));
    }

    [Test]
    public void CookiesWithoutAName_AreSkipped()
    {
        var request = new ClerkAuthenticationRequest(Page) { Headers = { ["Cookie"] = "=orphan; novalue; b=2" } };
        Assert.That(request.ReadCookies(), Is.EquivalentTo(new System.Collections.Generic.Dictionary<string, string> { ["b"] = "2" }));
    }

    [Test]
    public void GivenCookies_AreUsedInsteadOfTheHeader()
    {
        var request = new ClerkAuthenticationRequest(Page) { Headers = { ["Cookie"] = "a=header" }, Cookies = { ["a"] = "given" } };
        Assert.That(request.ReadCookies()["a"], Is.EqualTo("given"));
    }

    [TestCase(ClerkTokenFailureReason.Expired, "token-expired")]
    [TestCase(ClerkTokenFailureReason.NotYetValid, "token-not-active-yet")]
    [TestCase(ClerkTokenFailureReason.IssuedInTheFuture, "token-iat-in-the-future")]
    [TestCase(ClerkTokenFailureReason.InvalidSignature, "token-invalid-signature")]
    [TestCase(ClerkTokenFailureReason.UnsupportedAlgorithm, "token-invalid-algorithm")]
    [TestCase(ClerkTokenFailureReason.UnauthorizedParty, "token-invalid-authorized-parties")]
    [TestCase(ClerkTokenFailureReason.InvalidIssuer, "token-invalid-issuer")]
    [TestCase(ClerkTokenFailureReason.UnknownKid, "jwk-kid-mismatch")]
    [TestCase(ClerkTokenFailureReason.KeysUnavailable, "jwk-remote-failed-to-load")]
    [TestCase(ClerkTokenFailureReason.InvalidSecretKey, "secret-key-invalid")]
    [TestCase(ClerkTokenFailureReason.WrongTokenType, "token-type-mismatch")]
    [TestCase(ClerkTokenFailureReason.TokenTypeNotAccepted, "token-type-mismatch")]
    [TestCase(ClerkTokenFailureReason.MissingToken, "session-token-and-uat-missing")]
    [TestCase(ClerkTokenFailureReason.SessionPending, "session-pending")]
    [TestCase(ClerkTokenFailureReason.InvalidAudience, "token-verification-failed")]
    [TestCase(ClerkTokenFailureReason.Malformed, "token-invalid")]
    public void EachFailure_HasClerksReasonCode(ClerkTokenFailureReason reason, string code) =>
        Assert.That(ClerkAuthReasons.Of(reason), Is.EqualTo(code));

    [TestCase(ClerkTokenFailureReason.WrongTokenType, "token-invalid")]
    [TestCase(ClerkTokenFailureReason.InvalidType, "token-invalid")]
    [TestCase(ClerkTokenFailureReason.Malformed, "token-invalid")]
    [TestCase(ClerkTokenFailureReason.InvalidSecretKey, "secret-key-invalid")]
    [TestCase(ClerkTokenFailureReason.Revoked, "token-verification-failed")]
    [TestCase(ClerkTokenFailureReason.Expired, "token-verification-failed")]
    public void EachMachineTokenFailure_HasClerksErrorCode(ClerkTokenFailureReason reason, string code) =>
        Assert.That(ClerkAuthReasons.OfMachine(reason), Is.EqualTo(code));

    [Test]
    public void TheVerifierOptions_DescribeThemselvesWithoutTheKey()
    {
        Assert.That(new ClerkTokenVerifierOptions().ToString(),
            Is.EqualTo("ClerkTokenVerifierOptions(JwtKey=<none>, Issuer=<from publishable key>, AuthorizedParties=0, ClockSkew=00:00:05, AcceptedTokenTypes=SessionToken)"));
        var set = new ClerkTokenVerifierOptions { JwtKey = AuthTestKit.PemA, Issuer = "https://clerk.example.com", AuthorizedParties = { "https://a", "https://b" } };
        Assert.That(set.ToString(), Is.EqualTo("ClerkTokenVerifierOptions(JwtKey=<set>, Issuer=https://clerk.example.com, AuthorizedParties=2, ClockSkew=00:00:05, AcceptedTokenTypes=SessionToken)"));
    }
}
