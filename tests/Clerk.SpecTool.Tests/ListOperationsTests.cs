using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Clerk.SpecTool.Tests.NormalizerFixture;

namespace Clerk.SpecTool.Tests;

/// <summary>
/// List operations (GET + limit/offset + an array or an items-array object): found, marked with x-clerk-list, their
/// wire-shaped method renamed ...Raw, named ListAll... without clashes, and given paging glue.
/// </summary>
public class ListOperationsTests
{
    private static JObject ListSpec(string extraPaths = "", string limitSchema = """{ "type": "integer", "default": 10, "minimum": 1, "maximum": 500 }""") => JObject.Parse($$"""
        {
          "openapi": "3.0.3",
          "info": { "title": "t", "version": "1" },
          "paths": {
            "/things": {
              "get": {
                "operationId": "ListThings", "x-speakeasy-group": "things", "x-speakeasy-name-override": "list", "summary": "List things",
                "parameters": [
                  { "name": "status", "in": "query", "schema": { "type": "string", "enum": ["on", "off"] } },
                  { "name": "limit", "in": "query", "schema": {{limitSchema}} },
                  { "name": "offset", "in": "query", "schema": { "type": "integer", "default": 0 } },
                  { "name": "paginated", "in": "query", "schema": { "type": "boolean" } },
                  { "name": "owner_id", "in": "query", "required": true, "schema": { "type": "string" } }
                ],
                "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Thing" } } } } } }
              }
            },
            "/owners/{owner_id}/things": {
              "get": {
                "operationId": "GetOwnerThings", "x-speakeasy-group": "owners", "x-speakeasy-name-override": "getThings",
                "parameters": [
                  { "name": "owner_id", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "$ref": "#/components/parameters/Limit" },
                  { "$ref": "#/components/parameters/Offset" }
                ],
                "responses": { "200": { "$ref": "#/components/responses/Things" } }
              }
            },
            "/owners": {
              "get": {
                "operationId": "GetOwner", "x-speakeasy-group": "owners", "x-speakeasy-name-override": "get",
                "parameters": [ { "$ref": "#/components/parameters/Limit" } ],
                "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Thing" } } } } } }
              }
            }{{extraPaths}}
          },
          "components": {
            "parameters": {
              "Limit": { "name": "limit", "in": "query", "schema": { "type": "integer", "default": 10, "maximum": 100 } },
              "Offset": { "name": "offset", "in": "query", "schema": { "type": "integer", "default": 0 } }
            },
            "responses": {
              "Things": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ThingList" } } } }
            },
            "schemas": {
              "Thing": { "type": "object", "properties": { "id": { "type": "string" } } },
              "ThingList": { "type": "object", "properties": { "data": { "type": "array", "items": { "$ref": "#/components/schemas/Thing" } }, "total_count": { "type": "integer" } } }
            }
          }
        }
        """);

    private static JObject Operation(JObject spec, string path) => (JObject)spec["paths"]![path]!["get"]!;

    [Test]
    public void ABareArrayList_IsMarked_WithOffsetPaging_AndItsPaginatedFlag()
    {
        var spec = Normalize(ListSpec());
        var operation = Operation(spec, "/things");
        Assert.That((string?)operation["operationId"], Is.EqualTo("Things_List"));
        var marker = (JObject)operation[SpecExtensions.List]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)marker["shape"], Is.EqualTo("array"));
            Assert.That((string?)marker["itemType"], Is.EqualTo("Thing"));
            Assert.That((string?)marker["method"], Is.EqualTo("List"));
            Assert.That((string?)marker["paging"], Is.EqualTo("offset"), "no starting_after: offsets");
            Assert.That((bool?)marker["paginated"], Is.True);
            Assert.That((long?)marker["defaultLimit"], Is.EqualTo(10));
            Assert.That((long?)marker["maxLimit"], Is.EqualTo(500));
            Assert.That((string?)operation[SpecExtensions.Options], Is.EqualTo("ThingListOptions"));
        });
    }

    [Test]
    public void AListWithStartingAfter_AndItemsWithAnId_PagesByCursor_WithTheOrderingsAnOverlayAllows()
    {
        var spec = ListSpec();
        var parameters = (JArray)Operation(spec, "/things")["parameters"]!;
        parameters.Add(JObject.Parse("""{ "name": "starting_after", "in": "query", "schema": { "type": "string" } }"""));
        Operation(spec, "/things")[SpecExtensions.CursorOrderBy] = new JArray("created_at", "-created_at");

        var marker = (JObject)Operation(Normalize(spec), "/things")[SpecExtensions.List]!;

        Assert.That((string?)marker["paging"], Is.EqualTo("cursor"));
        Assert.That(marker["cursorOrderBy"]!.ToObject<string[]>(), Is.EqualTo(new[] { "created_at", "-created_at" }));
    }

    [Test]
    public void ADataAndTotalList_ThroughSharedParametersAndResponses_IsMarked()
    {
        var spec = Normalize(ListSpec());
        var operation = Operation(spec, "/owners/{owner_id}/things");
        Assert.That((string?)operation["operationId"], Is.EqualTo("Owners_ListThings"), "GetX reads ListX");
        var marker = (JObject)operation[SpecExtensions.List]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)marker["shape"], Is.EqualTo("data"));
            Assert.That((string?)marker["responseType"], Is.EqualTo("ThingList"));
            Assert.That((string?)marker["itemsProperty"], Is.EqualTo("Data"));
            Assert.That((string?)marker["totalProperty"], Is.EqualTo("TotalCount"));
            Assert.That((bool?)marker["paginated"], Is.False);
            Assert.That((long?)marker["maxLimit"], Is.EqualTo(100));
        });
    }

    [Test]
    public void AGetWithoutOffset_IsNotAList()
    {
        var operation = Operation(Normalize(ListSpec()), "/owners");
        Assert.That((string?)operation["operationId"], Is.EqualTo("Owners_Get"));
        Assert.That(operation[SpecExtensions.List], Is.Null);
        Assert.That((string?)operation[SpecExtensions.Options], Is.EqualTo("OwnerGetOptions"), "every operation has an options class");
    }

    [TestCase("List", "List")]
    [TestCase("ListPending", "ListPending")]
    [TestCase("GetOrganizationMemberships", "ListOrganizationMemberships")]
    [TestCase("Get", "List")]
    [TestCase("Getaway", "Getaway")]
    [TestCase("Search", "Search")]
    public void PageFormNames_ReadAsAList(string method, string expected) =>
        Assert.That(ListOperations.PageName(method), Is.EqualTo(expected));

    [TestCase("Users", "User")]
    [TestCase("EmailAddresses", "EmailAddress")]
    [TestCase("Proxies", "Proxy")]
    [TestCase("Billing", "Billing")]
    [TestCase("M2M", "M2M")]
    [TestCase("Access", "Access")]
    public void OptionsClassNames_UseTheSingularResource(string resource, string expected) =>
        Assert.That(OperationOptions.Singular(resource), Is.EqualTo(expected));

    [Test]
    public void AListNameThatIsAlreadyAnOperation_FailsNamingBoth()
    {
        var spec = ListSpec("""
            ,
            "/owners/{owner_id}/things/all": { "get": { "operationId": "ListOwnerThings", "x-speakeasy-group": "owners", "x-speakeasy-name-override": "listThings",
              "parameters": [ { "name": "owner_id", "in": "path", "required": true, "schema": { "type": "string" } } ],
              "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "string" } } } } } } }
            """);
        var ex = Assert.Throws<SpecToolException>(() => Normalize(spec));
        Assert.That(ex!.Message, Does.Contain("GET /owners/{owner_id}/things reads Owners.ListThingsAsync").And.Contain("GET /owners/{owner_id}/things/all").And.Contain("overlay"));
    }

    [Test]
    public void ALimitWithoutADefault_FailsTheBuild()
    {
        var spec = ListSpec(limitSchema: """{ "type": "integer" }""");
        var ex = Assert.Throws<SpecToolException>(() => Normalize(spec));
        Assert.That(ex!.Message, Does.Contain("GET /things").And.Contain("default"));
    }

    [Test]
    public void ThePinnedSpec_Has37ListOperationsOfBothShapes_UsersByCursor()
    {
        var spec = PinnedBackendApi();
        var lists = SpecDocument.Operations(spec).Where(o => o.Operation[SpecExtensions.List] is JObject).ToList();
        Assert.That(lists, Has.Count.EqualTo(37));
        Assert.That(lists.Select(o => (string?)o.Operation[SpecExtensions.List]!["shape"]).Distinct(), Is.EquivalentTo(new[] { "array", "data" }));
        var ids = lists.Select(o => (string)o.Operation["operationId"]!).ToList();
        Assert.That(ids, Does.Contain("OrganizationDomains_ListForInstance").And.Contain("OrganizationInvitations_ListForInstance").And.Contain("M2M_ListTokens").And.Contain("Users_ListOAuthAccessTokens"));
        Assert.That(lists.Select(o => (string)o.Operation[SpecExtensions.List]!["method"]!), Has.None.StartWith("Get"), "a list reads as one");
        var cursor = lists.Where(o => (string?)o.Operation[SpecExtensions.List]!["paging"] == "cursor").Select(o => (string)o.Operation["operationId"]!).ToList();
        Assert.That(cursor, Is.EqualTo(new[] { "Users_List" }), "the pinned spec offers starting_after on GET /users only");
        var sessions = lists.Single(o => (string?)o.Operation["operationId"] == "Sessions_List").Operation;
        Assert.That((bool?)sessions[SpecExtensions.List]!["paginated"], Is.True);
    }
}
