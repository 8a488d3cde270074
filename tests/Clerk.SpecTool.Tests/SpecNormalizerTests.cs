using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Clerk.SpecTool.Tests.NormalizerFixture;

namespace Clerk.SpecTool.Tests;

/// <summary>Each runtime trap of the raw spec, fixed by one normalizer pass, shown on a small spec.</summary>
public class SpecNormalizerTests
{
    [Test]
    public void OperationsGetResourceMethodIds_AndTheirParametersCamelCaseNames()
    {
        var spec = Normalize(Spec("""{ "type": "string" }"""));
        var operation = spec.SelectToken("$.paths['/things/{thing_id}'].get")!;
        Assert.That((string?)operation["operationId"], Is.EqualTo("Things_Get"));
        Assert.That((string?)operation[SpecExtensions.Operation], Is.EqualTo("GetThing"));
        Assert.That((string?)operation["parameters"]![0]!["x-originalName"], Is.EqualTo("thingId"));
        Assert.That((string?)operation["parameters"]![0]!["name"], Is.EqualTo("thing_id"), "the wire name stays");
    }

    [Test]
    public void AnOperationWithoutAName_FailsNamingIt()
    {
        var spec = Spec("""{ "type": "string" }""");
        var operation = (JObject)spec.SelectToken("$.paths['/things/{thing_id}'].get")!;
        operation.Remove("x-speakeasy-name-override");
        operation.Remove("operationId");
        var ex = Assert.Throws<SpecToolException>(() => Normalize(spec));
        Assert.That(ex!.Message, Does.Contain("GET /things/{thing_id}").And.Contain("overlay"));
    }

    [Test]
    public void WithoutClerksSdkNames_TheTagAndOperationIdNameIt()
    {
        var spec = Spec("""{ "type": "string" }""");
        var operation = (JObject)spec.SelectToken("$.paths['/things/{thing_id}'].get")!;
        operation.Remove("x-speakeasy-group");
        operation.Remove("x-speakeasy-name-override");
        operation["tags"] = new JArray("Active Things");
        Assert.That((string?)Normalize(spec).SelectToken("$.paths['/things/{thing_id}'].get.operationId"), Is.EqualTo("ActiveThings_GetThing"));

        var untagged = Spec("""{ "type": "string" }""");
        var other = (JObject)untagged.SelectToken("$.paths['/things/{thing_id}'].get")!;
        other.Remove("x-speakeasy-group");
        Assert.That((string?)Normalize(untagged).SelectToken("$.paths['/things/{thing_id}'].get.operationId"), Is.EqualTo("Things_Get"), "the first path segment");
    }

    [Test]
    public void ErrorResponsesAreLeftToTheErrorMapper()
    {
        var spec = Normalize(Spec("""{ "type": "string" }"""));
        var responses = (JObject)spec.SelectToken("$.paths['/things/{thing_id}'].get.responses")!;
        Assert.That(responses.Properties().Select(p => p.Name), Is.EqualTo(new[] { "200" }));
    }

    [Test]
    public void InlineResponsesAndNestedObjectsAndEnums_GetNamesFromWhereTheyStand()
    {
        var spec = Normalize(Spec("""
            { "type": "object", "properties": {
                "status": { "type": "string", "enum": ["active", "email_code"] },
                "owner": { "type": "object", "properties": { "user_id": { "type": "string" } } },
                "items": { "type": "array", "items": { "type": "object", "properties": { "n": { "type": "integer" } } } },
                "object": { "type": "string", "enum": ["thing"] }
            } }
            """));
        Assert.That((string?)spec.SelectToken("$.paths['/things/{thing_id}'].get.responses.200.content['application/json'].schema.$ref"), Is.EqualTo("#/components/schemas/GetThingResponse"));
        var response = Schema(spec, "GetThingResponse");
        Assert.That((string?)response.SelectToken("properties.status.$ref"), Is.EqualTo("#/components/schemas/GetThingResponseStatus"));
        Assert.That((string?)response.SelectToken("properties.owner.$ref"), Is.EqualTo("#/components/schemas/GetThingResponseOwner"));
        Assert.That((string?)response.SelectToken("properties.items.items.$ref"), Is.EqualTo("#/components/schemas/GetThingResponseItemsItem"));
        Assert.That(response.SelectToken("properties.object.enum"), Is.Null, "the constant `object` field is a string, not a one-value enum");
        Assert.That(Schema(spec, "GetThingResponseStatus")["x-enumNames"]!.ToObject<string[]>(), Is.EqualTo(new[] { "Active", "EmailCode" }));
        Assert.That((string?)Schema(spec, "GetThingResponseOwner").SelectToken("properties.user_id['x-clerk-name']"), Is.EqualTo("UserId"));
    }

    [Test]
    public void IntegersWithoutAFormatBecomeInt64()
    {
        var spec = Normalize(Spec("""{ "type": "object", "properties": { "created_at": { "type": "integer" }, "expiration": { "type": "number" }, "ratio": { "type": "number", "format": "double" } } }"""));
        var response = Schema(spec, "GetThingResponse");
        Assert.That((string?)response.SelectToken("properties.created_at.format"), Is.EqualTo("int64"));
        Assert.That((string?)response.SelectToken("properties.expiration.type"), Is.EqualTo("integer"), "a millisecond timestamp typed as number");
        Assert.That((string?)response.SelectToken("properties.ratio.type"), Is.EqualTo("number"), "a real fraction stays");
    }

    [Test]
    public void OneOfObjects_BecomesOneObjectWithEveryAlternativesProperties()
    {
        var spec = Normalize(Spec(
            """{ "type": "object", "properties": { "verification": { "oneOf": [ { "$ref": "#/components/schemas/verification_otp" }, { "$ref": "#/components/schemas/verification_oauth" } ], "discriminator": { "propertyName": "object" } } } }""",
            """
            {
              "verification_otp": { "type": "object", "required": ["status", "attempts"], "properties": { "status": { "type": "string", "enum": ["verified"] }, "attempts": { "type": "integer" } } },
              "verification_oauth": { "type": "object", "required": ["status"], "properties": { "status": { "type": "string", "enum": ["unverified", "verified"] }, "external_verification_redirect_url": { "type": "string" } } }
            }
            """));
        var merged = Schema(spec, "GetThingResponseVerification");
        Assert.That(((JObject)merged["properties"]!).Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "status", "attempts", "external_verification_redirect_url" }));
        Assert.That(merged["required"]!.ToObject<string[]>(), Is.EqualTo(new[] { "status" }), "only what every alternative requires");
        Assert.That(Schema(spec, "GetThingResponseVerificationStatus")["enum"]!.ToObject<string[]>(), Is.EquivalentTo(new[] { "verified", "unverified" }));
        Assert.That(merged["discriminator"], Is.Null);
    }

    [Test]
    public void AnyOfPrimitives_BecomesAnUntypedValue()
    {
        var spec = Normalize(Spec("""{ "type": "object", "properties": { "value": { "anyOf": [ { "type": "string" }, { "type": "integer" } ] } } }"""));
        var value = (JObject)Schema(spec, "GetThingResponse").SelectToken("properties.value")!;
        Assert.That(value["anyOf"], Is.Null);
        Assert.That(value["type"], Is.Null);
    }

    [Test]
    public void SingleMemberWrappers_BecomeTheirMember_AndConstraintOnlyUnionsGo()
    {
        var spec = Normalize(Spec(
            """{ "type": "object", "anyOf": [ { "required": ["a"] }, { "required": ["b"] } ], "properties": { "a": { "allOf": [ { "$ref": "#/components/schemas/Money" } ], "nullable": true }, "b": { "type": "string" } } }""",
            """{ "Money": { "type": "object", "properties": { "amount": { "type": "integer" } } } }"""));
        var response = Schema(spec, "GetThingResponse");
        Assert.That(response["anyOf"], Is.Null);
        Assert.That((string?)response.SelectToken("properties.a.$ref"), Is.EqualTo("#/components/schemas/Money"));
    }

    [Test]
    public void NumberedVariants_MergeIntoTheirBase_OrFailWhenTheyDisagree()
    {
        var spec = Normalize(Spec(
            """{ "$ref": "#/components/schemas/Plan-2" }""",
            """
            {
              "Plan": { "type": "object", "required": ["id", "name"], "properties": { "id": { "type": "string" }, "name": { "type": "string" } } },
              "Plan-2": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "amount": { "type": "integer" } } }
            }
            """));
        Assert.That(spec["components"]!["schemas"]!["Plan-2"], Is.Null);
        Assert.That(((JObject)Schema(spec, "Plan")["properties"]!).Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "id", "name", "amount" }));
        Assert.That((string?)spec.SelectToken("$.paths['/things/{thing_id}'].get.responses.200.content['application/json'].schema.$ref"), Is.EqualTo("#/components/schemas/Plan"));

        var conflicting = Spec("""{ "type": "string" }""", """
            { "Plan": { "type": "object", "properties": { "id": { "type": "string" } } }, "Plan-2": { "type": "object", "properties": { "id": { "type": "integer" } } } }
            """);
        var ex = Assert.Throws<SpecToolException>(() => Normalize(conflicting));
        Assert.That(ex!.Message, Does.Contain("Plan-2").And.Contain("overlay"));
    }

    [Test]
    public void MetadataBecomesOneType_AndItsHoldersAreMarked()
    {
        var spec = Normalize(Spec("""{ "$ref": "#/components/schemas/User" }""", """
            { "User": { "type": "object", "properties": { "public_metadata": { "type": "object", "additionalProperties": true }, "id": { "type": "string" } } } }
            """));
        Assert.That((string?)Schema(spec, "User").SelectToken("properties.public_metadata.$ref"), Is.EqualTo("#/components/schemas/Metadata"));
        Assert.That((string?)Schema(spec, "User")[SpecExtensions.Implements], Is.EqualTo("Clerk.IHasPublicMetadata"));
    }

    [Test]
    public void PropertiesThatWouldClashWithTheirClassOrTheTemplate_AreRenamed()
    {
        var spec = Normalize(Spec("""{ "$ref": "#/components/schemas/Token" }""", """
            { "Token": { "type": "object", "properties": { "token": { "type": "string" }, "additional_properties": { "type": "string" } } } }
            """));
        Assert.That((string?)Schema(spec, "Token").SelectToken("properties.token['x-clerk-name']"), Is.EqualTo("TokenValue"));
        Assert.That((string?)Schema(spec, "Token").SelectToken("properties.additional_properties['x-clerk-name']"), Is.EqualTo("AdditionalPropertiesValue"));
    }
}
