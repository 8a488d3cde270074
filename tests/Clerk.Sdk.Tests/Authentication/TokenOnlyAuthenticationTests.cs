using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.Authentication;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Authentication.AuthTestKit;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// Authentication from a request's token alone (no URL, so no handshake): the <c>Authorization: Bearer</c> token when
/// there is one, else the <c>__session</c> cookie; each way in reads them alike, and a missing, unaccepted or oversized
/// token signs the request out with its reason and message.
/// </summary>
public class TokenOnlyAuthenticationTests
{
    private static string Valid => Sign(SessionHeader(), SessionClaims());

    private static string Describe(ClerkRequestState state) =>
        $"{state.Status} {state.TokenType?.ToString() ?? "-"} {state.Reason?.ToString() ?? "-"} {state.Subject ?? "-"}: {state.Message ?? "-"}";

    public static IEnumerable<TestCaseData> Requests()
    {
        var token = Valid;
        var signedIn = "SignedIn SessionToken - user_2xyzUSER: -";
        var missing = "SignedOut - MissingToken -: The request has no Authorization: Bearer token and no __session cookie.";
        yield return new TestCaseData(new[] { ("Authorization", "Bearer " + token) }, null, signedIn).SetName("a bearer token");
        yield return new TestCaseData(new[] { ("authorization", "  bearer   " + token + "  ") }, null, signedIn).SetName("a bearer token, spaced, lower-case scheme");
        yield return new TestCaseData(new[] { ("Authorization", "Bearer") }, null, missing).SetName("Bearer without a token");
        yield return new TestCaseData(new[] { ("Authorization", "Bearer ") }, null, missing).SetName("Bearer and a space");
        yield return new TestCaseData(new[] { ("Authorization", "Basic " + token) }, null, missing).SetName("another scheme");
        yield return new TestCaseData(new[] { ("Authorization", "Bearer" + token) }, null, missing).SetName("no space after the scheme");
        yield return new TestCaseData(new[] { ("Cookie", "a=1; __session=" + token) }, null, signedIn).SetName("the session cookie");
        yield return new TestCaseData(new[] { ("Cookie", "__session=\"" + token + "\"") }, null, signedIn).SetName("a quoted session cookie");
        yield return new TestCaseData(new[] { ("Cookie", "__session=; b=2") }, null, missing).SetName("an empty session cookie");
        yield return new TestCaseData(new[] { ("Cookie", "x__session=" + token) }, null, missing).SetName("another cookie ending in __session");
        yield return new TestCaseData(new[] { ("Cookie", "__session=garbage"), ("Authorization", "Bearer " + token) }, null, signedIn).SetName("the header wins over the cookie");
        yield return new TestCaseData(new[] { ("Cookie", "__session=" + token) }, new[] { ("other", "1") }, missing).SetName("given cookies replace the Cookie header");
        yield return new TestCaseData(Array.Empty<(string, string)>(), new[] { ("__session", token) }, signedIn).SetName("a given session cookie");
        yield return new TestCaseData(Array.Empty<(string, string)>(), new[] { ("__session", "") }, missing).SetName("a given empty session cookie");
        yield return new TestCaseData(new[] { ("Authorization", "Bearer " + token), ("Authorization", "Bearer garbage") }, null, signedIn).SetName("the first Authorization header");
    }

    [TestCaseSource(nameof(Requests))]
    public async Task HeadersAndCookies(IEnumerable<(string, string)> headers, IEnumerable<(string, string)>? cookies, string expected)
    {
        static IEnumerable<KeyValuePair<string, string>> Pairs(IEnumerable<(string Name, string Value)> list)
        {
            foreach (var (name, value) in list) yield return new(name, value);
        }

        var state = await PemVerifier().AuthenticateRequestAsync(Pairs(headers), cookies is null ? null : Pairs(cookies));
        Assert.That(Describe(state), Is.EqualTo(expected));
    }

    [Test]
    public async Task ARequestMessageWithoutAnAbsoluteUri_IsReadTheSameWay()
    {
        var token = Valid;
        using var bearer = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/me", UriKind.Relative));
        bearer.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        using var cookie = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/me", UriKind.Relative));
        cookie.Headers.TryAddWithoutValidation("Cookie", "a=1");
        cookie.Headers.TryAddWithoutValidation("Cookie", "__session=" + token);
        using var none = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/me", UriKind.Relative));

        Assert.That(Describe(await PemVerifier().AuthenticateRequestAsync(bearer)), Is.EqualTo("SignedIn SessionToken - user_2xyzUSER: -"));
        Assert.That(Describe(await PemVerifier().AuthenticateRequestAsync(cookie)), Is.EqualTo("SignedIn SessionToken - user_2xyzUSER: -"));
        Assert.That(Describe(await PemVerifier().AuthenticateRequestAsync(none)), Is.EqualTo("SignedOut - MissingToken -: The request has no Authorization: Bearer token and no __session cookie."));
        Assert.That(Assert.Throws<ArgumentNullException>(() => PemVerifier().AuthenticateRequestAsync((HttpRequestMessage)null!))!.ParamName, Is.EqualTo("request"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => PemVerifier().AuthenticateRequestAsync((IEnumerable<KeyValuePair<string, string>>)null!))!.ParamName, Is.EqualTo("headers"));
    }

    [Test]
    public async Task TheTokenAlone_EmptyIsMissing_AndTheLimitIsInclusive()
    {
        var token = Valid;
        Assert.That(Describe(await PemVerifier().AuthenticateTokenAsync("")), Is.EqualTo("SignedOut - MissingToken -: The request has no Authorization: Bearer token and no __session cookie."));
        Assert.That((await PemVerifier(o => o.MaxTokenLength = token.Length).AuthenticateTokenAsync(token)).IsSignedIn, Is.True);
        Assert.That(Describe(await PemVerifier(o => o.MaxTokenLength = token.Length - 1).AuthenticateTokenAsync(token)),
            Is.EqualTo($"SignedOut - TokenTooLarge -: The token is over the limit of {token.Length - 1} characters; it was not decoded."));
    }

    [Test]
    public async Task AKindThatIsNotAccepted_IsSignedOut_SayingWhich()
    {
        var machinesOnly = PemVerifier(o => o.AcceptedTokenTypes = ClerkTokenTypes.MachineTokens);
        Assert.That(Describe(await machinesOnly.AuthenticateTokenAsync(Valid)), Is.EqualTo("SignedOut SessionToken TokenTypeNotAccepted -: A session token is not accepted here."));
        Assert.That(Describe(await machinesOnly.AuthenticateRequestAsync([new("Cookie", "__session=" + Valid)])),
            Is.EqualTo("SignedOut SessionToken TokenTypeNotAccepted -: Session tokens (the __session cookie) are not accepted here."));
        Assert.That(Describe(await PemVerifier().AuthenticateTokenAsync("garbage")), Is.EqualTo("SignedOut SessionToken Malformed -: A JWT has exactly three dot-separated segments (header.payload.signature)."));
    }
}
