using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Webhooks;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Webhooks.WebhookFixture;

namespace Clerk.Sdk.Tests.Webhooks;

/// <summary>Edges beyond Svix's own tests: exact tolerance, canonical timestamps, odd header entries, odd bodies and secrets.</summary>
public class VerifierEdgeCaseTests
{
    private static ClerkWebhookFailure Reject(ClerkWebhookVerifier verifier, string body, Dictionary<string, string> headers) =>
        Assert.Throws<ClerkWebhookException>(() => verifier.Verify(body, headers))!.Reason;

    [TestCase(300)]
    [TestCase(-300)]
    public void ExactlyTheToleranceEitherWay_Passes(int offset) => Assert.DoesNotThrow(() => Verifier(now: Timestamp + offset).Verify(Body, Headers()));

    [TestCase("01614265330")]
    [TestCase("+1614265330")]
    [TestCase("1614265330.0")]
    [TestCase(" 1614265330")]
    [TestCase("1614265330 ")]
    [TestCase("-1614265330")]
    [TestCase("99999999999999999999")]
    [TestCase("1e9")]
    [TestCase("0x6037")]
    public void NonCanonicalTimestamps_AreRejected(string timestamp)
    {
        var headers = Headers();
        headers["svix-timestamp"] = timestamp;
        // Signed over the same text, so only the timestamp's form can fail it.
        headers["svix-signature"] = Sign(Secret, MessageId, timestamp, Encoding.UTF8.GetBytes(Body));
        Assert.That(Reject(Verifier(), Body, headers), Is.EqualTo(ClerkWebhookFailure.InvalidTimestamp));
    }

    [Test]
    public void AnEntryWithoutAComma_IsSkipped()
    {
        Assert.DoesNotThrow(() => Verifier().Verify(Body, Headers(signature: "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= " + Signature)));
        Assert.That(Reject(Verifier(), Body, Headers(signature: "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")), Is.EqualTo(ClerkWebhookFailure.NoMatchingSignature));
    }

    [Test]
    public void ABase64UrlSignature_IsRejected()
    {
        var url = Signature.Replace('+', '-').Replace('/', '_').TrimEnd('=');
        Assert.That(Reject(Verifier(), Body, Headers(signature: url)), Is.EqualTo(ClerkWebhookFailure.NoMatchingSignature));
    }

    [Test]
    public void ABodyWithALoneSurrogate_VerifiesAsSvixSignsIt()
    {
        var body = "{\"name\": \"a\ud800b\"}";
        var signature = SvixPeer.Sign([new SvixPeer.SignRequest(Secret, MessageId, Timestamp, body)])[0];
        Assert.DoesNotThrow(() => Verifier().Verify(body, Headers(signature: signature)));
    }

    [Test]
    public void ACustomTolerance_IsTheOneApplied()
    {
        var verifier = new ClerkWebhookVerifier(Secret, TimeSpan.FromSeconds(30), ClockAt(Timestamp + 31));
        Assert.Multiple(() =>
        {
            Assert.That(verifier.Tolerance, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(Reject(verifier, Body, Headers()), Is.EqualTo(ClerkWebhookFailure.TimestampTooOld));
            Assert.DoesNotThrow(() => new ClerkWebhookVerifier(Secret, TimeSpan.FromSeconds(30), ClockAt(Timestamp - 30)).Verify(Body, Headers()));
            Assert.DoesNotThrow(() => new ClerkWebhookVerifier(Secret, TimeSpan.FromHours(1), ClockAt(Timestamp + 3600)).Verify(Body, Headers()));
            Assert.That(Verifier().Tolerance, Is.EqualTo(ClerkWebhookVerifier.DefaultTolerance).And.EqualTo(TimeSpan.FromMinutes(5)));
        });
    }

    [TestCase("0", ClerkWebhookFailure.TimestampTooOld, TestName = "zero is canonical (and far too old)")]
    [TestCase("1000000000000000000", ClerkWebhookFailure.TimestampTooNew, TestName = "nineteen digits are canonical (and far too new)")]
    [TestCase("9223372036854775808", ClerkWebhookFailure.InvalidTimestamp, TestName = "beyond Int64")]
    public void CanonicalTimestampsAtTheEdges_AreJudgedByTheirTime(string timestamp, ClerkWebhookFailure expected)
    {
        var headers = Headers();
        headers["svix-timestamp"] = timestamp;
        headers["svix-signature"] = Sign(Secret, MessageId, timestamp, Encoding.UTF8.GetBytes(Body));
        Assert.That(Reject(Verifier(), Body, headers), Is.EqualTo(expected));
    }

    [Test]
    public void EachRefusal_SaysWhyInItsMessage()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ClerkWebhookException>(() => Verifier(now: Timestamp + 301).Verify(Body, Headers()))!.Message,
                Is.EqualTo("The webhook timestamp is 301 s old; at most 300 s is accepted (a replay, or a clock behind)."));
            Assert.That(Assert.Throws<ClerkWebhookException>(() => Verifier(now: Timestamp - 302).Verify(Body, Headers()))!.Message,
                Is.EqualTo("The webhook timestamp is 302 s in the future; at most 300 s is accepted."));
            Assert.That(Assert.Throws<ClerkWebhookException>(() => Verifier().Verify(Body + " ", Headers()))!.Message,
                Is.EqualTo("No v1 signature in the svix-signature header matches the body: the webhook is not from Clerk or was changed in transit."));
            var headers = Headers();
            headers["svix-timestamp"] = "01614265330";
            Assert.That(Assert.Throws<ClerkWebhookException>(() => Verifier().Verify(Body, headers))!.Message,
                Is.EqualTo("The svix-timestamp header is not a canonical Unix time in seconds."));
            Assert.That(Assert.Throws<ClerkConfigurationException>(() => _ = new ClerkWebhookVerifier("whsec_not base64!"))!.Message,
                Is.EqualTo("The webhook signing secret is not valid: expected whsec_ followed by base64 (17 characters given; the value is not shown)."));
            Assert.That(new ClerkWebhookVerifier(Secret, TimeSpan.FromSeconds(90)).ToString(), Is.EqualTo("ClerkWebhookVerifier(tolerance 90 s, secret hidden)"));
        });
    }

    [TestCase("whsec_not base64!")]
    [TestCase("whsec_")]
    [TestCase("")]
    [TestCase("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS")]
    public void ASecretThatIsNotBase64_FailsAtConstruction_WithoutShowingIt(string secret)
    {
        var ex = Assert.Throws<ClerkConfigurationException>(() => _ = new ClerkWebhookVerifier(secret));
        if (secret.Length > 6) Assert.That(ex!.Message, Does.Not.Contain(secret[6..]));
    }

    [Test]
    public void NoSecretOrSignatureAppearsInMessagesOrToString()
    {
        var verifier = Verifier(now: Timestamp + 10_000);
        var messages = new List<string> { verifier.ToString() };
        foreach (var headers in new[] { Headers(), Headers(signature: "v1,AAAA"), new Dictionary<string, string>() })
        {
            messages.Add(Assert.Throws<ClerkWebhookException>(() => verifier.Verify(Body, headers))!.ToString());
        }
        messages.Add(Assert.Throws<ClerkWebhookException>(() => Verifier().Verify(Body + " ", Headers()))!.ToString());
        foreach (var message in messages)
        {
            Assert.That(message, Does.Not.Contain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").And.Not.Contain("g0hM9SsE").And.Not.Contain("2432232314"));
        }
    }

    [Test]
    public async Task AnHttpRequestMessage_IsVerifiedAndParsed()
    {
        var body = """{ "type": "user.deleted", "object": "event", "instance_id": "ins_1", "timestamp": 1614265330000, "data": { "id": "user_1", "object": "user", "deleted": true } }""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.com/webhooks/clerk") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var header in Headers(signature: Sign(Secret, MessageId, Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(body)))) request.Headers.Add(header.Key, header.Value);

        var evt = await Verifier().VerifyAndParseAsync(request);

        Assert.That(evt, Is.InstanceOf<ClerkWebhookEvent<DeletedObject>>());
        Assert.That(((ClerkWebhookEvent<DeletedObject>)evt).Data!.Deleted, Is.True);
        Assert.That(evt.Timestamp, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1614265330000)));
    }
}
