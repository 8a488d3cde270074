using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Clerk.Webhooks;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Webhooks;

/// <summary>
/// Webhooks signed by Svix's own library (npm svix, run with Node) for random payloads: all accepted; each of the
/// tamper kinds applied to them: all rejected, with the precise reason.
/// </summary>
public class SvixLibraryDifferentialTests
{
    private const int Payloads = 60;
    private const long Now = 1_764_000_000;
    private static readonly string SecretA = "whsec_" + Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3)).ToArray());
    private static readonly string SecretB = "whsec_" + Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 11 + 5)).ToArray());

    private static List<(SvixPeer.SignRequest Request, string Signature)> _signed = new();

    [OneTimeSetUp]
    public void SignWithSvix()
    {
        var random = new Random(20251124);
        var requests = Enumerable.Range(0, Payloads).Select(i => new SvixPeer.SignRequest(
            i % 2 == 0 ? SecretA : SecretB,
            $"msg_{RandomText(random, 27, ascii: true)}",
            Now - random.Next(-200, 200),
            Payload(random, i))).ToList();
        var signatures = SvixPeer.Sign(requests);
        _signed = requests.Zip(signatures).ToList();
    }

    private static string Payload(Random random, int i) => (i % 4) switch
    {
        0 => $"{{\"type\":\"user.created\",\"data\":{{\"id\":\"user_{RandomText(random, 27, ascii: true)}\",\"n\":{random.NextInt64()}}}}}",
        1 => RandomText(random, random.Next(1, 4000), ascii: false),
        2 => string.Concat(Enumerable.Repeat("{\"é\":\"日本語\",\"emoji\":\"🎉\"}", random.Next(1, 50))),
        _ => "",
    };

    private static string RandomText(Random random, int length, bool ascii)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(ascii ? (char)random.Next('a', 'z' + 1) : (char)random.Next(0x20, 0xD7FF));
        }
        return builder.ToString();
    }

    private static Dictionary<string, string> Headers(SvixPeer.SignRequest request, string signature) => new()
    {
        ["svix-id"] = request.Id,
        ["svix-timestamp"] = request.Timestamp.ToString(CultureInfo.InvariantCulture),
        ["svix-signature"] = signature,
    };

    private static ClerkWebhookVerifier Verifier(string secret) => new(secret, timeProvider: WebhookFixture.ClockAt(Now));

    [Test]
    public void EverySvixSignedPayload_IsAccepted()
    {
        var accepted = 0;
        foreach (var (request, signature) in _signed)
        {
            Assert.DoesNotThrow(() => Verifier(request.Secret).Verify(request.Payload, Headers(request, signature)), request.Id);
            accepted++;
        }
        Assert.That(accepted, Is.EqualTo(Payloads));
        TestContext.Progress.WriteLine($"webhooks: {accepted}/{Payloads} Svix-signed payloads accepted");
    }

    public static IEnumerable<TestCaseData> Tampers()
    {
        ClerkWebhookFailure sig = ClerkWebhookFailure.NoMatchingSignature;
        yield return Case("first byte of the body changed", sig, (r, s, h) => (Flip(r.Payload, 0), h));
        yield return Case("middle byte of the body changed", sig, (r, s, h) => (Flip(r.Payload, r.Payload.Length / 2), h));
        yield return Case("last byte of the body changed", sig, (r, s, h) => (Flip(r.Payload, r.Payload.Length - 1), h));
        yield return Case("a byte appended to the body", sig, (r, s, h) => (r.Payload + " ", h));
        yield return Case("the body truncated", sig, (r, s, h) => (r.Payload.Length > 0 ? r.Payload[..^1] : "x", h));
        yield return Case("the id changed", sig, (r, s, h) => (r.Payload, With(h, "svix-id", h["svix-id"] + "x")));
        yield return Case("the timestamp changed by one second", sig, (r, s, h) => (r.Payload, With(h, "svix-timestamp", (r.Timestamp + 1).ToString(CultureInfo.InvariantCulture))));
        yield return Case("one byte of the signature changed", sig, (r, s, h) => (r.Payload, With(h, "svix-signature", "v1," + FlipBase64(s[3..]))));
        yield return Case("the signature truncated", sig, (r, s, h) => (r.Payload, With(h, "svix-signature", s[..^4])));
        yield return Case("the signature as v2", sig, (r, s, h) => (r.Payload, With(h, "svix-signature", "v2," + s[3..])));
        yield return Case("the signature without its version", sig, (r, s, h) => (r.Payload, With(h, "svix-signature", s[3..])));
        yield return Case("an empty signature list", ClerkWebhookFailure.MissingHeader, (r, s, h) => (r.Payload, With(h, "svix-signature", "")));
        yield return Case("only spaces in the signature list", sig, (r, s, h) => (r.Payload, With(h, "svix-signature", "   ")));
        yield return Case("non-base64 junk", sig, (r, s, h) => (r.Payload, With(h, "svix-signature", "v1,!!!not-base64???")));
        yield return Case("the signature in base64url", sig, (r, s, h) => (r.Payload, With(h, "svix-signature", "v1," + s[3..].Replace('+', '-').Replace('/', '_').TrimEnd('=') + "~")));
        yield return Case("a stale timestamp (10 minutes)", ClerkWebhookFailure.TimestampTooOld, (r, s, h) => (r.Payload, With(h, "svix-timestamp", (Now - 600).ToString(CultureInfo.InvariantCulture))));
        yield return Case("a future timestamp (10 minutes)", ClerkWebhookFailure.TimestampTooNew, (r, s, h) => (r.Payload, With(h, "svix-timestamp", (Now + 600).ToString(CultureInfo.InvariantCulture))));
        yield return Case("the id header missing", ClerkWebhookFailure.MissingHeader, (r, s, h) => (r.Payload, Without(h, "svix-id")));
        yield return Case("the timestamp header missing", ClerkWebhookFailure.MissingHeader, (r, s, h) => (r.Payload, Without(h, "svix-timestamp")));
        yield return Case("the signature header missing", ClerkWebhookFailure.MissingHeader, (r, s, h) => (r.Payload, Without(h, "svix-signature")));
        yield return Case("a timestamp with a leading zero", ClerkWebhookFailure.InvalidTimestamp, (r, s, h) => (r.Payload, With(h, "svix-timestamp", "0" + h["svix-timestamp"])));
        yield return Case("the signature of another payload", sig, (r, s, h) => (r.Payload + "{}", h));
    }

    private static TestCaseData Case(string name, ClerkWebhookFailure expected, Func<SvixPeer.SignRequest, string, Dictionary<string, string>, (string Body, Dictionary<string, string> Headers)> tamper) =>
        new TestCaseData(tamper, expected).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Tampers))]
    public void ATamperedWebhook_IsRejectedWithThePreciseReason(Func<SvixPeer.SignRequest, string, Dictionary<string, string>, (string Body, Dictionary<string, string> Headers)> tamper, ClerkWebhookFailure expected)
    {
        foreach (var (request, signature) in _signed)
        {
            var (body, headers) = tamper(request, signature, Headers(request, signature));
            var ex = Assert.Throws<ClerkWebhookException>(() => Verifier(request.Secret).Verify(body, headers), request.Id);
            Assert.That(ex!.Reason, Is.EqualTo(expected), request.Id);
        }
    }

    [Test]
    public void TheWrongSecret_IsRejected()
    {
        foreach (var (request, signature) in _signed)
        {
            var other = request.Secret == SecretA ? SecretB : SecretA;
            var ex = Assert.Throws<ClerkWebhookException>(() => Verifier(other).Verify(request.Payload, Headers(request, signature)));
            Assert.That(ex!.Reason, Is.EqualTo(ClerkWebhookFailure.NoMatchingSignature));
        }
    }

    private static string Flip(string text, int index)
    {
        if (text.Length == 0) return "x";
        var chars = text.ToCharArray();
        chars[index] = chars[index] == 'a' ? 'b' : 'a';
        return new string(chars);
    }

    private static string FlipBase64(string base64)
    {
        var chars = base64.ToCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private static Dictionary<string, string> With(Dictionary<string, string> headers, string name, string value) => new(headers) { [name] = value };

    private static Dictionary<string, string> Without(Dictionary<string, string> headers, string name)
    {
        var copy = new Dictionary<string, string>(headers);
        copy.Remove(name);
        return copy;
    }
}
