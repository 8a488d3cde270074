using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Clerk.Webhooks;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Webhooks.WebhookFixture;

namespace Clerk.Sdk.Tests.Webhooks;

/// <summary>
/// Every way into the verifier checks the signature: each overload passes the genuine webhook and refuses the same
/// webhook with one byte of its body changed, and refuses null arguments by name. A request's headers are read from
/// the request, then from its content; the request's own win.
/// </summary>
public class VerifierEntryPointTests
{
    /// <summary>An event (so the parsing overloads parse it), signed with the fixture's secret.</summary>
    private const string Event = "{\"type\":\"user.deleted\",\"object\":\"event\",\"data\":{\"id\":\"user_1\",\"deleted\":true,\"object\":\"user\"}}";

    private static Dictionary<string, string> Signed() =>
        Headers(signature: Sign(Secret, MessageId, Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(Event)));

    private static IEnumerable<KeyValuePair<string, IEnumerable<string>>> MultiValued(Dictionary<string, string> headers) =>
        headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, [h.Value]));

    public static IEnumerable<TestCaseData> Overloads()
    {
        yield return new TestCaseData((Action<ClerkWebhookVerifier, string>)((v, body) => v.Verify(body, Signed()))).SetName("Verify(string, pairs)");
        yield return new TestCaseData((Action<ClerkWebhookVerifier, string>)((v, body) => v.Verify(Encoding.UTF8.GetBytes(body), Signed()))).SetName("Verify(byte[], pairs)");
        yield return new TestCaseData((Action<ClerkWebhookVerifier, string>)((v, body) => v.Verify(body, MultiValued(Signed())))).SetName("Verify(string, multi-valued)");
        yield return new TestCaseData((Action<ClerkWebhookVerifier, string>)((v, body) => v.Verify(Encoding.UTF8.GetBytes(body), name => Signed().GetValueOrDefault(name)))).SetName("Verify(span, lookup)");
        yield return new TestCaseData((Action<ClerkWebhookVerifier, string>)((v, body) => v.VerifyAndParse(body, Signed()))).SetName("VerifyAndParse(string, pairs)");
        yield return new TestCaseData((Action<ClerkWebhookVerifier, string>)((v, body) => v.VerifyAsync(Request(body)).GetAwaiter().GetResult())).SetName("VerifyAsync(request)");
        yield return new TestCaseData((Action<ClerkWebhookVerifier, string>)((v, body) => v.VerifyAndParseAsync(Request(body)).GetAwaiter().GetResult())).SetName("VerifyAndParseAsync(request)");
    }

    [TestCaseSource(nameof(Overloads))]
    public void EachOverload_PassesTheGenuineWebhook_AndRefusesAChangedBody(Action<ClerkWebhookVerifier, string> verify)
    {
        Assert.DoesNotThrow(() => verify(Verifier(), Event));
        var failure = Assert.Throws<ClerkWebhookException>(() => verify(Verifier(), Event.Replace("user_1", "user_2", StringComparison.Ordinal)))!;
        Assert.That(failure.Reason, Is.EqualTo(ClerkWebhookFailure.NoMatchingSignature));
    }

    [Test]
    public void NullArguments_AreRefusedByName()
    {
        var verifier = Verifier();
        Assert.Multiple(() =>
        {
            ParamName(() => verifier.Verify(Encoding.UTF8.GetBytes(Body), (Func<string, string?>)null!), "header");
            ParamName(() => verifier.Verify((string)null!, Headers()), "body");
            ParamName(() => verifier.Verify(Body, (IEnumerable<KeyValuePair<string, string>>)null!), "headers");
            ParamName(() => verifier.Verify((byte[])null!, Headers()), "body");
            ParamName(() => verifier.Verify(Encoding.UTF8.GetBytes(Body), (IEnumerable<KeyValuePair<string, string>>)null!), "headers");
            ParamName(() => verifier.Verify((string)null!, MultiValued(Headers())), "body");
            ParamName(() => verifier.Verify(Body, (IEnumerable<KeyValuePair<string, IEnumerable<string>>>)null!), "headers");
            ParamName(() => verifier.VerifyAsync(null!).GetAwaiter().GetResult(), "request");
            ParamName(() => _ = new ClerkWebhookVerifier(null!), "signingSecret");
        });
    }

    [Test]
    public async Task SignatureHeadersOnTheContent_AreRead()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://app.test/webhooks") { Content = new StringContent(Body) };
        foreach (var (name, value) in Headers()) request.Content.Headers.TryAddWithoutValidation(name, value);

        Assert.That(Encoding.UTF8.GetString(await Verifier().VerifyAsync(request)), Is.EqualTo(Body));
    }

    [Test]
    public void TheRequestsOwnHeaders_WinOverTheContents()
    {
        using var request = Request(Body, Headers());
        request.Content!.Headers.TryAddWithoutValidation("svix-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        Assert.DoesNotThrowAsync(() => Verifier().VerifyAsync(request));
    }

    [Test]
    public async Task ARequestWithoutContent_IsVerifiedAsAnEmptyBody()
    {
        var signature = Sign(Secret, MessageId, Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), []);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://app.test/webhooks");
        foreach (var (name, value) in Headers(signature: signature)) request.Headers.TryAddWithoutValidation(name, value);

        Assert.That(await Verifier().VerifyAsync(request), Is.Empty);

        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "https://app.test/webhooks");
        unsigned.Headers.TryAddWithoutValidation("svix-id", MessageId);
        var failure = Assert.ThrowsAsync<ClerkWebhookException>(() => Verifier().VerifyAsync(unsigned))!;
        Assert.That(failure.Reason, Is.EqualTo(ClerkWebhookFailure.MissingHeader));
    }

    private static HttpRequestMessage Request(string body, Dictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://app.test/webhooks") { Content = new StringContent(body) };
        foreach (var (name, value) in headers ?? Signed()) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private static void ParamName(TestDelegate call, string name) =>
        Assert.That(Assert.Throws<ArgumentNullException>(call)!.ParamName, Is.EqualTo(name));
}
