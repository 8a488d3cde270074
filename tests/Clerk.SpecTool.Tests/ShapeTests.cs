using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.SpecTool.Tests;

/// <summary>One type per shape: identical response objects merge (ShapeMerger); webhook payloads use fitting Backend API models (SharedModels).</summary>
public class ShapeTests
{
    private const string Key = """{ "type": "object", "properties": { "id": { "type": "string" }, "name": { "type": "string", "description": "DESC" }, "owner": { "$ref": "#/components/schemas/OWNER" } }, "required": ["id"] }""";
    private const string Owner = """{ "type": "object", "properties": { "a": { "type": "string" }, "b": { "type": "integer" }, "c": { "type": "boolean" } } }""";

    private static JObject Api(string schemas, string extra = "") => JObject.Parse($$"""
        { {{extra}} "paths": {
            "/keys/{id}": {
              "get": { "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/GetKeyResponse" } } } } } },
              "patch": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UpdateKeyRequest" } } } },
                         "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UpdateKeyResponse" } } } } } } } },
          "components": { "schemas": { {{schemas}} } } }
        """);

    private static JObject Schemas(JObject document) => (JObject)document["components"]!["schemas"]!;

    [Test]
    public void IdenticalResponseObjects_BecomeOne_AndEveryRefPointsAtIt_EvenThroughTheirOwnRefs()
    {
        // Two copies of the key, each with its own (identical) owner copy: the owners merge, then the keys do.
        var document = Api($$"""
            "GetKeyResponse": {{Key.Replace("OWNER", "GetOwner")}},
            "UpdateKeyResponse": {{Key.Replace("OWNER", "UpdateOwner").Replace("DESC", "other words")}},
            "GetOwner": {{Owner}}, "UpdateOwner": {{Owner}},
            "UpdateKeyRequest": {{Key.Replace("OWNER", "GetOwner")}}
            """, """ "x-clerk-shape-names": { "Key": "UpdateKeyResponse" }, """);

        var merges = new List<string>();
        Assert.That(ShapeMerger.Apply(document, merges), Is.EqualTo(3));

        var schemas = Schemas(document);
        Assert.That(schemas.Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "Key", "GetOwner", "UpdateKeyRequest" }));
        Assert.That(document.SelectTokens("$..['$ref']").Select(r => (string)r!).Distinct(), Is.EquivalentTo(new[] { "#/components/schemas/Key", "#/components/schemas/UpdateKeyRequest", "#/components/schemas/GetOwner" }));
        Assert.That(merges, Is.EquivalentTo(new[] { "GetOwner <- UpdateOwner", "Key <- GetKeyResponse, UpdateKeyResponse" }));
        Assert.That(document[SpecExtensions.ShapeNames], Is.Null, "the overlay's map is consumed");
    }

    [TestCase("\"nullable\": true, ", TestName = "ShapesThatDiffer_StaySeparate(nullability)")]
    [TestCase("\"format\": \"email\", ", TestName = "ShapesThatDiffer_StaySeparate(format)")]
    public void ShapesThatDiffer_StaySeparate(string difference)
    {
        var document = Api($$"""
            "GetKeyResponse": {{Key.Replace("OWNER", "Owner")}},
            "UpdateKeyResponse": {{Key.Replace("OWNER", "Owner").Replace("\"name\": { ", "\"name\": { " + difference)}},
            "Owner": {{Owner}}, "UpdateKeyRequest": {{Owner}}
            """);

        Assert.That(ShapeMerger.Apply(document), Is.Zero);
        Assert.That(Schemas(document).Count, Is.EqualTo(4));
    }

    [Test]
    public void TinyShapes_AndRequestBodies_AreNotMerged()
    {
        const string tiny = """{ "type": "object", "properties": { "user_id": { "type": "string" } } }""";
        var document = Api($$"""
            "GetKeyResponse": {{tiny}}, "UpdateKeyResponse": {{tiny}},
            "UpdateKeyRequest": {{Owner}}, "Unused": {{Owner}}
            """);

        Assert.That(ShapeMerger.Apply(document), Is.Zero);
    }

    private static JObject Backend(string schemas) => JObject.Parse($$"""{ "components": { "schemas": { {{schemas}} } } }""");

    [Test]
    public void AWebhookSchema_UsesTheBackendApiModel_WhenThatModelReadsAllOfIt()
    {
        var backend = Backend("""
            "User": { "type": "object", "properties": { "id": { "type": "string" }, "tasks": { "type": "array", "items": { "type": "string" } }, "status": { "$ref": "#/components/schemas/Status" } }, "required": ["id"] },
            "Status": { "type": "string", "enum": ["active", "pending", "ended"] },
            "Org": { "type": "object", "properties": { "id": { "type": "string" } }, "required": ["id"] }
            """);
        var webhooks = Backend("""
            "User": { "type": "object", "properties": { "id": { "type": "string", "description": "words" }, "status": { "$ref": "#/components/schemas/Status" } }, "required": ["id"] },
            "Status": { "type": "string", "enum": ["active", "ended"] },
            "Org": { "type": "object", "properties": { "id": { "type": "string" } } }
            """);

        var shared = SharedModels.Find(webhooks, backend);

        // User: fewer properties and fewer enum values than the Backend API's. Org: the Backend API requires its id, the payload does not.
        Assert.That(shared, Is.EqualTo(new[] { "Status", "User" }));
    }

    [Test]
    public void ASchemaStopsFitting_WhenOneItRefersToDoesNot()
    {
        var backend = Backend("""
            "Session": { "type": "object", "properties": { "user": { "$ref": "#/components/schemas/User" } } },
            "User": { "type": "object", "properties": { "id": { "type": "string" } } }
            """);
        var webhooks = Backend("""
            "Session": { "type": "object", "properties": { "user": { "$ref": "#/components/schemas/User" } } },
            "User": { "type": "object", "properties": { "id": { "type": "string" }, "webhook_only": { "type": "string" } } }
            """);

        Assert.That(SharedModels.Find(webhooks, backend), Is.Empty);
    }

    [Test]
    public void TheNSwagConfiguration_ExcludesTheSharedTypes_AndImportsTheirNamespace()
    {
        var template = JObject.Parse("""{ "codeGenerators": { "openApiToCSharpClient": { "excludedTypeNames": ["Metadata"], "additionalNamespaceUsages": [] } } }""");

        var config = SharedModels.NSwagConfig(template, new[] { "User", "Session" }, "Clerk.BackendApi");

        Assert.That(config.SelectToken("codeGenerators.openApiToCSharpClient.excludedTypeNames")!.Values<string>(), Is.EqualTo(new[] { "Metadata", "User", "Session" }));
        Assert.That(config.SelectToken("codeGenerators.openApiToCSharpClient.additionalNamespaceUsages")!.Values<string>(), Is.EqualTo(new[] { "Clerk.BackendApi" }));
        Assert.That(template.SelectToken("codeGenerators.openApiToCSharpClient.excludedTypeNames")!.Count(), Is.EqualTo(1), "the template is not changed");
    }
}
