using System.Collections.Generic;
using System.Net.Http;
using Clerk.Authentication;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// Where the token-only request authentication (a request without an absolute URL, or plain headers and cookies) finds
/// its token: the <c>Authorization: Bearer</c> header, else the <c>__session</c> cookie.
/// </summary>
public class RequestTokensTests
{
    [TestCase(null, null)]
    [TestCase("", null)]
    [TestCase("   ", null)]
    [TestCase("Bearer abc", "abc")]
    [TestCase("  bearer   abc  ", "abc", TestName = "case-insensitive scheme, spaces trimmed")]
    [TestCase("Bearer a b", "a b", TestName = "the rest is the token")]
    [TestCase("Bearer ", null, TestName = "a scheme without a token")]
    [TestCase("Bearerabc", null, TestName = "no space")]
    [TestCase("Basic abc", null, TestName = "another scheme")]
    [TestCase(" Bearer", null, TestName = "the scheme alone")]
    public void BearerToken_IsTheCredentialsOfBearer(string? header, string? expected) =>
        Assert.That(RequestTokens.BearerToken(header), Is.EqualTo(expected));

    [TestCase("__session=abc", "abc")]
    [TestCase("a=1; __session = \"abc\" ; b=2", "abc", TestName = "spaces and quotes around")]
    [TestCase("x__session=1; __session=2", "2", TestName = "names are whole")]
    [TestCase("=abc; __session=2", "2", TestName = "a pair without a name is skipped")]
    [TestCase("__session", null, TestName = "a name without a value")]
    [TestCase("__session=", null, TestName = "an empty value")]
    [TestCase("__session=\"\"", null, TestName = "an empty quoted value")]
    [TestCase("__session=a=b", "a=b", TestName = "the value runs to the end of the pair")]
    [TestCase("__session=1; __session=2", "1", TestName = "the first of two")]
    public void CookieValue_ReadsOnePair(string header, string? expected) =>
        Assert.That(RequestTokens.CookieValue(header, "__session"), Is.EqualTo(expected));

    [Test]
    public void FromAMessage_TheFirstAuthorizationAndTheFirstSessionCookie()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "/relative");
        message.Headers.TryAddWithoutValidation("Authorization", "Bearer first");
        message.Headers.TryAddWithoutValidation("Authorization", "Bearer second");
        message.Headers.TryAddWithoutValidation("Cookie", "a=1");
        message.Headers.TryAddWithoutValidation("Cookie", "__session=one");
        message.Headers.TryAddWithoutValidation("Cookie", "__session=two");
        Assert.That(RequestTokens.From(message), Is.EqualTo(((string?)"first", (string?)"one")));

        using var bare = new HttpRequestMessage(HttpMethod.Get, "/relative");
        Assert.That(RequestTokens.From(bare), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public void FromHeaders_TheFirstOfEach_CookiesGivenWin()
    {
        var headers = new[]
        {
            KeyValuePair.Create("authorization", "Bearer first"),
            KeyValuePair.Create("Authorization", "Bearer second"),
            KeyValuePair.Create("cookie", "__session=header-one"),
            KeyValuePair.Create("Cookie", "__session=header-two"),
        };
        Assert.That(RequestTokens.From(headers, null), Is.EqualTo(((string?)"first", (string?)"header-one")));

        var cookies = new[] { KeyValuePair.Create("other", "x"), KeyValuePair.Create("__session", "given-one"), KeyValuePair.Create("__session", "given-two") };
        Assert.That(RequestTokens.From(headers, cookies), Is.EqualTo(((string?)"first", (string?)"given-one")));
        Assert.That(RequestTokens.From(headers, [KeyValuePair.Create("__session", "")]), Is.EqualTo(((string?)"first", (string?)null)), "an empty cookie is none, and the header's is not used");
        Assert.That(RequestTokens.From([], [KeyValuePair.Create("__Session", "x")]), Is.EqualTo(((string?)null, (string?)null)), "cookie names are case-sensitive");
    }
}
