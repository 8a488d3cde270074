using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.SpecTool.Tests;

public class RequiredBodiesTests
{
    private static JObject Spec(string bodySchema, string requiredFlag, string method = "post") => JObject.Parse($$"""
        {
          "openapi": "3.0.3", "info": { "title": "t", "version": "1" },
          "paths": { "/things": { "{{method}}": { "operationId": "CreateThing",
            "requestBody": { {{requiredFlag}} "content": { "application/json": { "schema": {{bodySchema}} } } },
            "responses": { "200": { "description": "OK" } } } } },
          "components": { "schemas": {
            "Named": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } },
            "Loose": { "type": "object", "properties": { "note": { "type": "string" } } } } }
        }
        """);

    /// <summary>The two passes in the SDK's order: required bodies, then optional ones.</summary>
    private static (IReadOnlyList<string> Required, IReadOnlyList<string> Optional) Apply(JObject spec) => (RequiredBodies.MarkRequired(spec), RequiredBodies.MarkOptional(spec));

    private static JToken? RequiredOf(JObject spec, string method = "post") => spec.SelectToken($"paths['/things'].{method}.requestBody.required");

    [TestCase("""{ "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } }""", TestName = "inline schema")]
    [TestCase("""{ "$ref": "#/components/schemas/Named" }""", TestName = "referenced schema")]
    [TestCase("""{ "allOf": [ { "$ref": "#/components/schemas/Loose" }, { "$ref": "#/components/schemas/Named" } ] }""", TestName = "allOf with a required member")]
    public void ABodyWithRequiredProperties_BecomesRequired(string schema)
    {
        var spec = Spec(schema, "");
        var changed = Apply(spec);

        Assert.That((bool?)RequiredOf(spec), Is.True);
        Assert.That(changed.Required, Is.EqualTo(new[] { "CreateThing" }));
        Assert.That(changed.Optional, Is.Empty);
    }

    [TestCase("""{ "$ref": "#/components/schemas/Loose" }""", "", TestName = "optional, no required properties")]
    [TestCase("""{ "$ref": "#/components/schemas/Named" }""", "\"required\": true,", TestName = "already required")]
    [TestCase("""{ "type": "array", "items": { "$ref": "#/components/schemas/Loose" } }""", "\"required\": true,", TestName = "required array body")]
    public void OtherBodies_AreLeftAsTheSpecSays(string schema, string flag)
    {
        var spec = Spec(schema, flag);
        var before = RequiredOf(spec)?.DeepClone();

        var changed = Apply(spec);

        Assert.That(changed.Required, Is.Empty);
        Assert.That(changed.Optional, Is.Empty);
        Assert.That(JToken.DeepEquals(RequiredOf(spec), before), Is.True);
        Assert.That(spec.SelectToken("paths['/things'].post")![SpecExtensions.EmptyBody], Is.Null);
    }

    [TestCase("""{ "$ref": "#/components/schemas/Loose" }""", "patch", TestName = "partial update, referenced object")]
    [TestCase("""{ "type": "object", "properties": { "note": { "type": "string" } } }""", "patch", TestName = "partial update, inline object")]
    public void ARequiredObjectBodyWithoutRequiredProperties_OfAnUpdate_BecomesOptional_SentAsAnEmptyObject(string schema, string method)
    {
        var spec = Spec(schema, "\"required\": true,", method);

        var changed = Apply(spec);

        Assert.That((bool?)RequiredOf(spec, method), Is.False);
        Assert.That((bool?)spec.SelectToken($"paths['/things'].{method}")![SpecExtensions.EmptyBody], Is.True);
        Assert.That(changed.Optional, Is.EqualTo(new[] { "CreateThing" }));
    }

    [TestCase("post", TestName = "creation")]
    [TestCase("put", TestName = "replacement")]
    public void ARequiredObjectBodyWithoutRequiredProperties_OfACreationOrReplacement_StaysRequired(string method)
    {
        var spec = Spec("""{ "$ref": "#/components/schemas/Loose" }""", "\"required\": true,", method);

        Assert.That(Apply(spec).Optional, Is.Empty);
        Assert.That((bool?)RequiredOf(spec, method), Is.True);
    }

    [Test]
    public void TheMockServersDocument_KeepsTheSpecsRequiredBody()
    {
        var spec = Spec("""{ "$ref": "#/components/schemas/Loose" }""", "\"required\": true,", "patch");

        var normalizer = new SpecNormalizer(spec, withMock: true);
        normalizer.Run();

        Assert.That((bool?)RequiredOf(normalizer.Mock!, "patch"), Is.True);
        Assert.That((bool?)RequiredOf(spec, "patch"), Is.False, "the SDK's document, from the same run");
    }

    [Test]
    public void PinnedBackendApi_CreateSession_TakesARequiredBody()
    {
        // POST /sessions has no requestBody.required in the spec, but its body must carry user_id.
        var spec = NormalizerFixture.PinnedBackendApi();
        Assert.That((bool?)spec.SelectToken("paths['/sessions'].post.requestBody.required"), Is.True);
        Assert.That((bool?)spec.SelectToken("paths['/organizations'].post.requestBody.required"), Is.True);
        // POST /api_keys/{apiKeyID}/revoke requires a body whose fields are all optional.
        Assert.That((bool?)spec.SelectToken("paths['/api_keys/{apiKeyID}/revoke'].post.requestBody.required"), Is.False);
        Assert.That((bool?)spec.SelectToken("paths['/api_keys/{apiKeyID}/revoke'].post")![SpecExtensions.EmptyBody], Is.True);
        // POST /users requires a body whose fields are all optional too, but an empty user is refused: it stays required.
        Assert.That((bool?)spec.SelectToken("paths['/users'].post.requestBody.required"), Is.True);
        Assert.That((bool?)spec.SelectToken("paths['/organizations/{organization_id}/metadata'].put.requestBody.required"), Is.True);
    }
}
