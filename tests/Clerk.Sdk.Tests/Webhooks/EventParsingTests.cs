using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Clerk.Sdk.Tests.Conventions;
using Clerk.BackendApi;
using Clerk.Webhooks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Webhooks;

/// <summary>Every event type of Clerk's webhook spec, from the spec's own examples, parses into its typed class.</summary>
public class EventParsingTests
{
    /// <summary>The examples of every event in the pinned webhook spec (read from ../shared, never copied).</summary>
    public static IEnumerable<TestCaseData> SpecExamples()
    {
        var spec = LoadSpec();
        foreach (var webhook in ((JObject)spec["x-webhooks"]!).Properties())
        {
            var content = webhook.Value.SelectToken("post.requestBody.content['application/json']")!;
            var examples = content["example"] is { } single ? [single] : ((JObject?)content["examples"])?.Properties().Select(p => Resolve(spec, (JObject)p.Value)["value"]!).ToList() ?? [];
            var index = 0;
            foreach (var example in examples)
            {
                yield return new TestCaseData(webhook.Name, example.ToString()).SetArgDisplayNames(webhook.Name, $"example {++index}");
            }
        }
    }

    [Test]
    public void EveryEventTypeOfTheSpec_HasAConstant()
    {
        var constants = typeof(ClerkWebhookEventTypes).GetFields()
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        var specTypes = ((JObject)LoadSpec()["x-webhooks"]!).Properties().Select(p => p.Name).ToArray();

        Assert.That(constants.Values, Is.EquivalentTo(specTypes));
        Assert.That(constants.Values, Is.EquivalentTo(ClerkWebhookEvent.KnownTypes));
        Assert.That(constants["OrganizationMembershipCreated"], Is.EqualTo("organizationMembership.created"));
        Assert.That(constants["SubscriptionItemFreeTrialEnding"], Is.EqualTo("subscriptionItem.freeTrialEnding"));
        Assert.That(ClerkWebhookEvent.DataTypeOf(ClerkWebhookEventTypes.UserCreated), Is.EqualTo(typeof(User)));
    }

    private static JObject Resolve(JObject spec, JObject example) =>
        example["$ref"] is { } reference ? (JObject)spec.SelectToken("$." + string.Join(".", reference.ToString().TrimStart('#', '/').Split('/').Select(s => $"['{s}']")))! : example;

    private static JObject LoadSpec()
    {
        var dir = Environment.GetEnvironmentVariable("CLERK_OPENAPI_DIR") is { Length: > 0 } env ? env : Path.Combine(RepoPaths.Root, "..", "shared", "openapi", "clerk");
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(Path.Combine(dir, "webhooks", "2025-04-15.yml")));
        var json = new YamlDotNet.Serialization.SerializerBuilder().JsonCompatible().Build().Serialize(yaml);
        return JObject.Parse(json);
    }

    [TestCaseSource(nameof(SpecExamples))]
    public void TheSpecsExample_ParsesIntoItsTypedEvent(string type, string json)
    {
        var evt = ClerkWebhookEvent.Parse(json);

        Assert.That(evt.Type, Is.EqualTo(type));
        Assert.That(evt.IsKnownType, Is.True);
        var typed = evt.GetType();
        Assert.That(typed.IsGenericType && typed.GetGenericTypeDefinition() == typeof(ClerkWebhookEvent<>), Is.True, $"{type} parsed as {typed.Name}");
        var data = typed.GetProperty("Data", typed.GetGenericArguments()[0])!.GetValue(evt);
        Assert.That(data, Is.Not.Null.And.InstanceOf(typed.GetGenericArguments()[0]));
        // The Backend API's model where the payload has its shape (user.created: Clerk.BackendApi.User), else a webhook type.
        Assert.That(data!.GetType(), Is.EqualTo(ClerkWebhookEvent.DataTypeOf(type)));
        Assert.That(data.GetType().Namespace, Is.AnyOf("Clerk.BackendApi", "Clerk.Webhooks"));
    }

    [Test]
    public void EveryEventTypeOfTheSpec_HasATypedClassAndAnExample()
    {
        var spec = LoadSpec();
        var inSpec = ((JObject)spec["x-webhooks"]!).Properties().Select(p => p.Name).ToList();
        Assert.That(ClerkWebhookEvent.KnownTypes, Is.EquivalentTo(inSpec));
        Assert.That(SpecExamples().Select(c => (string)c.Arguments[0]!).Distinct().Count(), Is.EqualTo(inSpec.Count));
        TestContext.Progress.WriteLine($"webhooks: {inSpec.Count} event types typed, {SpecExamples().Count()} spec examples parsed");
    }

    [Test]
    public void AUserCreatedEvent_IsTyped()
    {
        var evt = ClerkWebhookEvent.Parse("""
            { "object": "event", "type": "user.created", "instance_id": "ins_123", "timestamp": 1716883200000,
              "event_attributes": { "http_request": { "client_ip": "203.0.113.7", "user_agent": "curl/8" } },
              "data": { "id": "user_29w83sxmDNGwOuEthce5gg56FcC", "object": "user", "first_name": "Ada", "public_metadata": { "plan": "pro" }, "created_at": 1654012591514 } }
            """);

        var created = (ClerkWebhookEvent<User>)evt;
        Assert.That(created.Data!.FirstName, Is.EqualTo("Ada"));
        Assert.That((string?)created.Data.PublicMetadata!["plan"], Is.EqualTo("pro"));
        Assert.That(created.InstanceId, Is.EqualTo("ins_123"));
        Assert.That(created.Timestamp, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1716883200000)));
        Assert.That(created.EventAttributes!.HttpRequest!.ClientIp, Is.EqualTo("203.0.113.7"));
    }

    [Test]
    public void AnEventTypeTheSdkDoesNotKnow_ParsesUntyped()
    {
        var evt = ClerkWebhookEvent.Parse("""{ "object": "event", "type": "agent.hired", "instance_id": "ins_1", "timestamp": 1716883200, "data": { "id": "agt_1", "skills": ["x"] } }""");

        Assert.That(evt.GetType(), Is.EqualTo(typeof(ClerkWebhookEvent)));
        Assert.That(evt.IsKnownType, Is.False);
        Assert.That(((JToken)evt.Data!)["id"]!.ToString(), Is.EqualTo("agt_1"));
        Assert.That(evt.Timestamp, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1716883200)));
    }

    [TestCase("not json")]
    [TestCase("[1,2]")]
    [TestCase("""{ "data": {} }""")]
    [TestCase("""{ "type": 5 }""")]
    [TestCase("""{ "type": "user.created", "data": { "created_at": "yesterday" } }""")]
    public void ABodyThatIsNotAnEvent_IsAClerkWebhookException(string json)
    {
        var ex = Assert.Throws<ClerkWebhookException>(() => ClerkWebhookEvent.Parse(json));
        Assert.That(ex!.Reason, Is.EqualTo(ClerkWebhookFailure.InvalidPayload));
    }
}
