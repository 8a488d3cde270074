using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.SpecTool.Tests;

/// <summary>A filter parameter's enum is typed as the model's own enum where one fits (InlineSchemaLifter.ModelEnumFor).</summary>
public class ParameterEnumReuseTests
{
    private static JObject Spec(string parameterValues) => JObject.Parse($$"""
        {
          "openapi": "3.0.3", "info": { "title": "t", "version": "1" },
          "paths": {
            "/sessions": { "get": { "operationId": "GetSessionList", "x-speakeasy-group": "sessions", "x-speakeasy-name-override": "list",
              "parameters": [ { "name": "status", "in": "query", "schema": { "type": "string", "enum": {{parameterValues}} } } ],
              "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Session" } } } } } } } },
            "/tickets": { "get": { "operationId": "ListTickets", "x-speakeasy-group": "tickets", "x-speakeasy-name-override": "list",
              "parameters": [ { "name": "status", "in": "query", "schema": { "type": "string", "enum": ["active", "ended"] } } ],
              "responses": { "200": { "description": "OK" } } } }
          },
          "components": { "schemas": {
            "Session": { "type": "object", "properties": {
              "id": { "type": "string" },
              "status": { "type": "string", "enum": ["active", "revoked", "ended", "pending"] } } } } }
        }
        """);

    private static JToken? StatusSchema(JObject spec, string path) => spec.SelectToken($"paths['{path}'].get.parameters[0].schema");

    [Test]
    public void AFilterWithSomeOfTheModelsValues_TakesTheModelsEnum_WhenTheOperationNamesTheModel()
    {
        var spec = NormalizerFixture.Normalize(Spec("""["active", "revoked"]"""));

        Assert.That((string?)StatusSchema(spec, "/sessions")!["$ref"], Is.EqualTo("#/components/schemas/SessionStatus"));
        Assert.That(spec.SelectToken("components.schemas.GetSessionListStatus"), Is.Null, "no enum of its own");
    }

    [Test]
    public void AFilterOfAnotherOperation_DoesNotTakeAnUnrelatedModelsEnum_ForSharingSomeValues()
    {
        var spec = NormalizerFixture.Normalize(Spec("""["active", "revoked"]"""));

        Assert.That((string?)StatusSchema(spec, "/tickets")!["$ref"], Is.EqualTo("#/components/schemas/ListTicketsStatus"));
    }

    [Test]
    public void AFilterWithAValueTheModelLacks_KeepsItsOwnEnum()
    {
        var spec = NormalizerFixture.Normalize(Spec("""["active", "sleeping"]"""));

        Assert.That((string?)StatusSchema(spec, "/sessions")!["$ref"], Is.EqualTo("#/components/schemas/GetSessionListStatus"));
    }

    [Test]
    public void ThePinnedBackendApi_FiltersSessionsAndInvitationsByTheirModelsStatus()
    {
        var spec = NormalizerFixture.PinnedBackendApi();

        Assert.That((string?)spec.SelectToken("paths['/sessions'].get.parameters[?(@.name == 'status')].schema.$ref"), Is.EqualTo("#/components/schemas/SessionStatus"));
        Assert.That((string?)spec.SelectToken("paths['/invitations'].get.parameters[?(@.name == 'status')].schema.$ref"), Is.EqualTo("#/components/schemas/InvitationStatus"));
    }
}
