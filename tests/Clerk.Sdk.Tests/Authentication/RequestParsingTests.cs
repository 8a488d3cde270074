using System;
using Clerk.Authentication;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// The text rules of request authentication one by one: query parameters as <c>URLSearchParams</c> reads them, the
/// URL rewrites of handshakes, <c>Authorization</c> as Clerk's SDK splits it, and JavaScript's <c>parseInt</c>.
/// </summary>
public class RequestParsingTests
{
    [TestCase("https://a.example/p", "https://a.example/p", TestName = "no query: unchanged")]
    [TestCase("https://a.example/p?x=1", "https://a.example/p", TestName = "the only parameter: no question mark left")]
    [TestCase("https://a.example/p?x=1&y=2&x=3", "https://a.example/p?y=2", TestName = "every occurrence goes")]
    [TestCase("https://a.example/p?y=2&x=1#top", "https://a.example/p?y=2#top", TestName = "the fragment stays")]
    [TestCase("https://a.example/p?x=1#top", "https://a.example/p#top", TestName = "the fragment stays without a query")]
    [TestCase("https://a.example/p?x=1&y=2#top", "https://a.example/p?y=2#top", TestName = "the fragment is not part of the last parameter")]
    [TestCase("https://a.example/p?y=%41+b&&x&z=", "https://a.example/p?y=%41+b&z=", TestName = "others keep their encoding; empty parts go; a bare name goes")]
    [TestCase("https://a.example/p?%78=1&y=2", "https://a.example/p?y=2", TestName = "an encoded name is matched decoded")]
    [TestCase("https://a.example/p#a?x=1", "https://a.example/p#a?x=1", TestName = "a question mark in the fragment is not a query")]
    public void RemoveQuery_DropsTheNamedParameters(string url, string expected) =>
        Assert.That(RequestParsing.RemoveQuery(url, "x"), Is.EqualTo(expected));

    [Test]
    public void RemoveQuery_TakesSeveralNames() =>
        Assert.That(RequestParsing.RemoveQuery("https://a.example/?a=1&b=2&c=3", "a", "c"), Is.EqualTo("https://a.example/?b=2"));

    [Test]
    public void AppendAndSetQuery_EncodeAndReplace()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RequestParsing.AppendQuery("https://a.example/p", "r", "https://b.example/?q=1&z"), Is.EqualTo("https://a.example/p?r=https%3A%2F%2Fb.example%2F%3Fq%3D1%26z"));
            Assert.That(RequestParsing.AppendQuery("https://a.example/p?x=1", "y", "a b"), Is.EqualTo("https://a.example/p?x=1&y=a%20b"));
            Assert.That(RequestParsing.SetQuery("https://a.example/p?s=false&x=1", "s", "true"), Is.EqualTo("https://a.example/p?x=1&s=true"));
        });
    }

    [TestCase("https://a.example/p", null, TestName = "no query")]
    [TestCase("https://a.example/p?", null, TestName = "an empty query")]
    [TestCase("https://a.example/p?y=1", null, TestName = "another parameter")]
    [TestCase("https://a.example/p?x", "", TestName = "a bare name is empty")]
    [TestCase("https://a.example/p?x=", "", TestName = "an empty value")]
    [TestCase("https://a.example/p?x=a+b%2Bc", "a b+c", TestName = "plus is a space, %2B a plus")]
    [TestCase("https://a.example/p?x=1&x=2", "1", TestName = "the first of two")]
    [TestCase("https://a.example/p?=v&x=2", "2", TestName = "a part without a name is skipped")]
    [TestCase("https://a.example/p?a%20b=1&x=2=3", "2=3", TestName = "the value runs to the end of the part")]
    [TestCase("https://a.example/p?xx=1", null, TestName = "names are whole")]
    public void QueryValue_ReadsAsUrlSearchParams(string url, string? expected) =>
        Assert.That(RequestParsing.QueryValue(new Uri(url), "x"), Is.EqualTo(expected));

    [TestCase(null, null, TestName = "absent")]
    [TestCase("", null, TestName = "empty")]
    [TestCase("Bearer abc", "abc", TestName = "Bearer and a token")]
    [TestCase("bearer abc", "abc", TestName = "the scheme is case-insensitive (deliberate)")]
    [TestCase("abc", "abc", TestName = "one word is the token")]
    [TestCase("Basic abc", null, TestName = "another scheme")]
    [TestCase("Bearer abc def", "abc", TestName = "the second word")]
    [TestCase("Bearer ", "Bearer", TestName = "a trailing space: the scheme word")]
    [TestCase("Bearer  abc", "Bearer", TestName = "two spaces: an empty second word, so the scheme word")]
    [TestCase(" abc", null, TestName = "a leading space: an empty scheme")]
    public void ParseAuthorization_SplitsAsClerk(string? header, string? expected) =>
        Assert.That(RequestParsing.ParseAuthorization(header), Is.EqualTo(expected));

    [TestCase(null, 0L, TestName = "null: 0")]
    [TestCase("", 0L)]
    [TestCase("abc", 0L)]
    [TestCase("123", 123L)]
    [TestCase("  42xyz", 42L)]
    [TestCase("-5", -5L)]
    [TestCase("+7", 7L)]
    [TestCase("-", 0L)]
    [TestCase("   ", 0L, TestName = "white space only: 0")]
    [TestCase("+-3", 0L)]
    [TestCase("1.9", 1L)]
    [TestCase("99999999999999999999", 0L, TestName = "past long.MaxValue: 0 (JavaScript: 1e20; no real __client_uat is near)")]
    public void ParseLeadingInteger_IsParseIntOrZero(string? text, long expected) =>
        Assert.That(RequestParsing.ParseLeadingInteger(text), Is.EqualTo(expected));
}
