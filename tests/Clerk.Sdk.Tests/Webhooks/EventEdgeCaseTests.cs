using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using Clerk.Webhooks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Webhooks.WebhookFixture;

namespace Clerk.Sdk.Tests.Webhooks;

/// <summary>
/// The event parser's edges: what it says when a body is not an event, how it reads dates, depth and timestamps, and
/// the verifier's header handling (repeated signature lines, what a missing header says).
/// </summary>
public class EventEdgeCaseTests
{
    private static string Unknown(string data) => $$"""{ "object": "event", "type": "agent.hired", "instance_id": "ins_1", "timestamp": 1716883200000, "data": {{data}} }""";

    [Test]
    public void EachRefusal_SaysWhatIsWrong()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Parse("[1]"), Is.EqualTo("The webhook body is not a JSON object."));
            Assert.That(Parse("{\"type\": 5}"), Is.EqualTo("The webhook body has no string 'type'."));
            Assert.That(Parse("{"), Does.StartWith("The webhook body is not valid JSON: "));
            Assert.That(Parse("""{ "type": "user.created", "data": { "created_at": "yesterday" } }"""), Does.StartWith("The 'user.created' webhook does not fit its schema: "));
        });
    }

    [Test]
    public void NullArguments_AreRefusedByName()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentNullException>(() => ClerkWebhookEvent.Parse(null!))!.ParamName, Is.EqualTo("json"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => ClerkWebhookEvent.DataTypeOf(null!))!.ParamName, Is.EqualTo("eventType"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => _ = new CustomEvent(null!))!.ParamName, Is.EqualTo("envelope"));
        });
    }

    [Test]
    public void AnEnvelopeWithoutAType_GivesAnEmptyType() => Assert.That(new CustomEvent(new WebhookEventPayload()).Type, Is.Empty);

    [Test]
    public void DateLikeStrings_StayAsSent()
    {
        var evt = ClerkWebhookEvent.Parse(Unknown("""{ "at": "2024-01-02T03:04:05.123+02:00" }"""));
        Assert.That(((JToken)evt.Data!)["at"]!.Type, Is.EqualTo(JTokenType.String));
        Assert.That((string)((JToken)evt.Data!)["at"]!, Is.EqualTo("2024-01-02T03:04:05.123+02:00"));
    }

    [Test]
    public void NestingUpTo128_Parses_AndDeeper_IsRefused()
    {
        static string Nested(int depth) => new string('[', depth) + new string(']', depth);
        Assert.DoesNotThrow(() => ClerkWebhookEvent.Parse(Unknown(Nested(120))));
        Assert.That(Assert.Throws<ClerkWebhookException>(() => ClerkWebhookEvent.Parse(Unknown(Nested(200))))!.Reason, Is.EqualTo(ClerkWebhookFailure.InvalidPayload));
    }

    [TestCase(100_000_000_000L, false, TestName = "1e11 is read as seconds")]
    [TestCase(100_000_000_001L, true, TestName = "above 1e11 is read as milliseconds")]
    public void TheTimestamp_IsMillisecondsAboveOneHundredBillion(long value, bool milliseconds)
    {
        var evt = ClerkWebhookEvent.Parse($$"""{ "object": "event", "type": "agent.hired", "timestamp": {{value}}, "data": {} }""");
        Assert.That(evt.Timestamp, Is.EqualTo(milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value)));
    }

    [Test]
    public void ToString_SaysTypeInstanceAndTime() =>
        Assert.That(ClerkWebhookEvent.Parse(Unknown("{}")).ToString(), Is.EqualTo("agent.hired (ins_1, 2024-05-28 08:00:00Z)"));

    [Test]
    public void RepeatedSignatureHeaderLines_AreReadAsOneList()
    {
        var bogus = "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        var multi = new List<KeyValuePair<string, IEnumerable<string>>>
        {
            new("svix-id", [MessageId]),
            new("svix-timestamp", [Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)]),
            new("svix-signature", [bogus, Signature]),
        };
        Assert.DoesNotThrow(() => Verifier().Verify(Body, multi));

        using var request = new HttpRequestMessage(HttpMethod.Post, "https://app.test/webhooks") { Content = new StringContent(Body) };
        request.Headers.TryAddWithoutValidation("svix-id", MessageId);
        request.Headers.TryAddWithoutValidation("svix-timestamp", Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("svix-signature", bogus);
        request.Headers.TryAddWithoutValidation("svix-signature", Signature);
        Assert.DoesNotThrowAsync(() => Verifier().VerifyAsync(request));
    }

    [Test]
    public void AMissingHeader_IsNamed()
    {
        var headers = Headers();
        headers.Remove("svix-id");
        headers.Remove("svix-signature");
        var ex = Assert.Throws<ClerkWebhookException>(() => Verifier().Verify(Body, headers))!;
        Assert.That(ex.Message, Is.EqualTo("The webhook is missing required header(s): svix-id, svix-signature (or their webhook-* form)."));
    }

    private static string Parse(string json) => Assert.Throws<ClerkWebhookException>(() => ClerkWebhookEvent.Parse(json))!.Message;

    /// <summary>An application's own event type built on the SDK's (the constructor is protected for that).</summary>
    private sealed class CustomEvent(WebhookEventPayload envelope) : ClerkWebhookEvent(envelope, null, new JObject());
}
