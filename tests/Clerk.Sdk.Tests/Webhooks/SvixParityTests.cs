using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Clerk.Webhooks;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Webhooks.WebhookFixture;

namespace Clerk.Sdk.Tests.Webhooks;

/// <summary>The 18 cases of Svix's own C# webhook tests, against ClerkWebhookVerifier.</summary>
public class SvixParityTests
{
    private static ClerkWebhookFailure Reject(ClerkWebhookVerifier verifier, string body, Dictionary<string, string> headers) =>
        Assert.Throws<ClerkWebhookException>(() => verifier.Verify(body, headers))!.Reason;

    [Test]
    public void MissingId_IsRejected()
    {
        var headers = Headers();
        headers.Remove("svix-id");
        Assert.That(Reject(Verifier(), Body, headers), Is.EqualTo(ClerkWebhookFailure.MissingHeader));
    }

    [Test]
    public void MissingTimestamp_IsRejected()
    {
        var headers = Headers();
        headers.Remove("svix-timestamp");
        Assert.That(Reject(Verifier(), Body, headers), Is.EqualTo(ClerkWebhookFailure.MissingHeader));
    }

    [Test]
    public void MissingSignature_IsRejected()
    {
        var headers = Headers();
        headers.Remove("svix-signature");
        Assert.That(Reject(Verifier(), Body, headers), Is.EqualTo(ClerkWebhookFailure.MissingHeader));
    }

    [Test]
    public void InvalidSignature_IsRejected()
    {
        var headers = Headers(signature: "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=");
        Assert.That(Reject(Verifier(), Body, headers), Is.EqualTo(ClerkWebhookFailure.NoMatchingSignature));
    }

    [Test]
    public void ValidSignature_IsAccepted() => Assert.DoesNotThrow(() => Verifier().Verify(Body, Headers()));

    [Test]
    public void ValidUnbrandedHeaders_AreAccepted() => Assert.DoesNotThrow(() => Verifier().Verify(Body, Headers(prefix: "webhook")));

    [Test]
    public void A301SecondOldTimestamp_IsRejected() =>
        Assert.That(Reject(Verifier(now: Timestamp + 301), Body, Headers()), Is.EqualTo(ClerkWebhookFailure.TimestampTooOld));

    [Test]
    public void A301SecondFutureTimestamp_IsRejected() =>
        Assert.That(Reject(Verifier(now: Timestamp - 301), Body, Headers()), Is.EqualTo(ClerkWebhookFailure.TimestampTooNew));

    [Test]
    public void SeveralSignaturesInOneHeader_AnyMatchPasses()
    {
        var multi = string.Join(" ", "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", Signature, "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=");
        Assert.DoesNotThrow(() => Verifier().Verify(Body, Headers(signature: multi)));
    }

    [TestCase(Secret)]
    [TestCase("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    public void TheSecretWorksWithAndWithoutItsPrefix(string secret) => Assert.DoesNotThrow(() => Verifier(secret: secret).Verify(Body, Headers()));

    [Test]
    public void SvixsPublishedVector_Verifies() => Assert.DoesNotThrow(() => Verifier().Verify(Encoding.UTF8.GetBytes(Body), Headers()));

    [TestCase(262_143)]
    [TestCase(262_144)]
    [TestCase(1_048_576)]
    public void LargeBodies_SignedBySvix_Verify(int size)
    {
        var body = new string('a', size);
        var signature = SvixPeer.Sign([new SvixPeer.SignRequest(Secret, MessageId, Timestamp, body)])[0];
        Assert.DoesNotThrow(() => Verifier().Verify(body, Headers(signature: signature)));
        Assert.That(Reject(Verifier(), body + "a", Headers(signature: signature)), Is.EqualTo(ClerkWebhookFailure.NoMatchingSignature));
    }

    [Test]
    public void ANullSecret_IsAnArgumentNullException() => Assert.Throws<ArgumentNullException>(() => _ = new ClerkWebhookVerifier(null!));

    [Test]
    public void ANullBody_IsAnArgumentNullException() => Assert.Throws<ArgumentNullException>(() => Verifier().Verify((string)null!, Headers()));

    [Test]
    public void NullHeaders_AreAnArgumentNullException() => Assert.Throws<ArgumentNullException>(() => Verifier().Verify(Body, (IEnumerable<KeyValuePair<string, string>>)null!));
}
