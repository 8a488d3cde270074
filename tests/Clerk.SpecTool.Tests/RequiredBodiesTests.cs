using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.SpecTool.Tests;

public class RequiredBodiesTests
{
    private static JObject Spec(string bodySchema, string requiredFlag) => JObject.Parse($$"""
        {
          "openapi": "3.0.3", "info": { "title": "t", "version": "1" },
          "paths": { "/things": { "post": { "operationId": "CreateThing",
            "requestBody": { {{requiredFlag}} "content": { "application/json": { "schema": {{bodySchema}} } } },
            "responses": { "200": { "description": "OK" } } } } },
          "components": { "schemas": {
            "Named": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } },
            "Loose": { "type": "object", "properties": { "note": { "type": "string" } } } } }
        }
        """);

    private static JToken? RequiredOf(JObject spec) => spec.SelectToken("paths['/things'].post.requestBody.required");

    [TestCase("""{ "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } }""", TestName = "inline schema")]
    [TestCase("""{ "$ref": "#/components/schemas/Named" }""", TestName = "referenced schema")]
    [TestCase("""{ "allOf": [ { "$ref": "#/components/schemas/Loose" }, { "$ref": "#/components/schemas/Named" } ] }""", TestName = "allOf with a required member")]
    public void ABodyWithRequiredProperties_BecomesRequired(string schema)
    {
        var spec = Spec(schema, "");
        var changed = RequiredBodies.Apply(spec);

        Assert.That((bool?)RequiredOf(spec), Is.True);
        Assert.That(changed, Is.EqualTo(new[] { "CreateThing" }));
    }

    [TestCase("""{ "$ref": "#/components/schemas/Loose" }""", "", TestName = "no required properties")]
    [TestCase("""{ "$ref": "#/components/schemas/Named" }""", "\"required\": true,", TestName = "already required")]
    public void OtherBodies_AreLeftAsTheSpecSays(string schema, string flag)
    {
        var spec = Spec(schema, flag);
        var before = RequiredOf(spec)?.DeepClone();

        Assert.That(RequiredBodies.Apply(spec), Is.Empty);
        Assert.That(JToken.DeepEquals(RequiredOf(spec), before), Is.True);
    }

    [Test]
    public void PinnedBackendApi_CreateSession_TakesARequiredBody()
    {
        // POST /sessions has no requestBody.required in the spec, but its body must carry user_id.
        var spec = NormalizerFixture.PinnedBackendApi();
        Assert.That((bool?)spec.SelectToken("paths['/sessions'].post.requestBody.required"), Is.True);
        Assert.That((bool?)spec.SelectToken("paths['/organizations'].post.requestBody.required"), Is.True);
    }
}
