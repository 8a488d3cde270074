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
    public void ABareArrayList_IsMarked_AndItsWireMethodRenamedRaw()
    {
        var spec = Normalize(ListSpec());
        var operation = Operation(spec, "/things");
        Assert.That((string?)operation["operationId"], Is.EqualTo("Things_ListRaw"));
        var marker = (JObject)operation[ListOperations.Extension]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)marker["shape"], Is.EqualTo("array"));
            Assert.That((string?)marker["itemType"], Is.EqualTo("Thing"));
            Assert.That((string?)marker["method"], Is.EqualTo("List"));
            Assert.That((string?)marker["allMethod"], Is.EqualTo("ListAll"));
            Assert.That((string?)marker["rawMethod"], Is.EqualTo("ListRaw"));
            Assert.That((long?)marker["defaultLimit"], Is.EqualTo(10));
            Assert.That((long?)marker["maxLimit"], Is.EqualTo(500));
        });
    }

    [Test]
    public void ADataAndTotalList_ThroughSharedParametersAndResponses_IsMarked()
    {
        var spec = Normalize(ListSpec());
        var operation = Operation(spec, "/owners/{owner_id}/things");
        Assert.That((string?)operation["operationId"], Is.EqualTo("Owners_ListThingsRaw"));
        var marker = (JObject)operation[ListOperations.Extension]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)marker["shape"], Is.EqualTo("data"));
            Assert.That((string?)marker["responseType"], Is.EqualTo("ThingList"));
            Assert.That((string?)marker["itemsProperty"], Is.EqualTo("Data"));
            Assert.That((string?)marker["totalProperty"], Is.EqualTo("TotalCount"));
            Assert.That((string?)marker["allMethod"], Is.EqualTo("ListAllThings"));
            Assert.That((long?)marker["maxLimit"], Is.EqualTo(100));
        });
    }

    [Test]
    public void AGetWithoutOffset_IsNotAList()
    {
        var operation = Operation(Normalize(ListSpec()), "/owners");
        Assert.That((string?)operation["operationId"], Is.EqualTo("Owners_Get"));
        Assert.That(operation[ListOperations.Extension], Is.Null);
    }

    [TestCase("List", "ListAll")]
    [TestCase("ListPending", "ListAllPending")]
    [TestCase("ListTokens", "ListAllTokens")]
    [TestCase("GetOrganizationMemberships", "ListAllOrganizationMemberships")]
    [TestCase("Get", "ListAll")]
    [TestCase("Getaway", "ListAllGetaway")]
    [TestCase("Search", "ListAllSearch")]
    public void AllPagesFormNames_ReadLikeDotNet(string method, string expected) =>
        Assert.That(ListOperations.AllName(method), Is.EqualTo(expected));

    [TestCase("List", "List")]
    [TestCase("ListPending", "ListPending")]
    [TestCase("GetOrganizationMemberships", "ListOrganizationMemberships")]
    [TestCase("Get", "List")]
    [TestCase("Getaway", "Getaway")]
    [TestCase("Search", "Search")]
    public void PageFormNames_ReadAsAList(string method, string expected) =>
        Assert.That(ListOperations.PageName(method), Is.EqualTo(expected));

    [Test]
    public void AnAllPagesFormThatIsAlreadyAnOperation_FailsNamingBoth()
    {
        var spec = ListSpec("""
            ,
            "/things/all": { "get": { "operationId": "ListAllThings", "x-speakeasy-group": "things", "x-speakeasy-name-override": "listAll",
              "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "string" } } } } } } }
            """);
        var ex = Assert.Throws<SpecToolException>(() => Normalize(spec));
        Assert.That(ex!.Message, Does.Contain("Things.ListAllAsync")
            .And.Contain("the all-pages form of Things_List (GET /things)")
            .And.Contain("the operation Things_ListAll (GET /things/all)")
            .And.Contain("overlay"));
    }

    [Test]
    public void AnOverlayCanNameTheAllPagesForm()
    {
        var spec = ListSpec();
        Operation(spec, "/owners/{owner_id}/things")[ListOperations.AllNameExtension] = "listAllOwnedThings";
        var operation = Operation(Normalize(spec), "/owners/{owner_id}/things");
        Assert.That((string?)operation[ListOperations.Extension]!["allMethod"], Is.EqualTo("ListAllOwnedThings"));
        Assert.That(operation[ListOperations.AllNameExtension], Is.Null, "the overlay's hint is consumed");
    }

    [Test]
    public void ALimitWithoutADefault_FailsTheBuild()
    {
        var spec = ListSpec(limitSchema: """{ "type": "integer" }""");
        var ex = Assert.Throws<SpecToolException>(() => Normalize(spec));
        Assert.That(ex!.Message, Does.Contain("GET /things").And.Contain("default"));
    }

    [Test]
    public void ThePagingGlue_ForwardsToTheMechanism_WithTheRawParameters()
    {
        var spec = ListSpec();
        Operation(spec, "/things")["deprecated"] = true;
        Normalize(spec);
        var file = Path.Combine(TestPaths.TempDir(), "Paging.g.cs");

        PagingWriter.Write(spec, "Clerk.BackendApi", file);

        var text = File.ReadAllText(file);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("public partial interface IThingsClient").And.Contain("public partial class ThingsClient"));
            Assert.That(text, Does.Contain("System.Threading.Tasks.Task<Clerk.ClerkPage<Thing>> ListAsync(string ownerId, ListThingsStatus? status = null, long? limit = null, long? offset = null, bool? paginated = null, global::Clerk.ClerkRequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default)"),
                "the page form: the raw parameters, required first");
            Assert.That(text, Does.Contain("System.Collections.Generic.IAsyncEnumerable<Thing> ListAllAsync(string ownerId, ListThingsStatus? status = null, int pageSize = Clerk.ClerkPaging.DefaultPageSize, global::Clerk.ClerkRequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default)"),
                "the all-pages form: no limit, offset or paginated");
            Assert.That(text, Does.Contain("ListRawAsync(ownerId: ownerId, status: status, limit: limit_, offset: offset_, requestOptions: requestOptions, cancellationToken: cancellationToken_)"));
            Assert.That(text, Does.Contain("static response => (response, (long?)null)"));
            Assert.That(text, Does.Contain("static response => (response.Data, (long?)response.TotalCount)"));
            Assert.That(text, Does.Contain("pageSize, maxPageSize: 100, cancellationToken"));
            Assert.That(text.Split("[System.Obsolete]").Length - 1, Is.EqualTo(4), "a deprecated operation's two forms are obsolete on the interface and the class");
        });
    }

    [Test]
    public void ThePinnedSpec_Has37ListOperationsOfBothShapes_WithTheOverlayNames()
    {
        var spec = PinnedBackendApi();
        var lists = SpecNormalizer.Operations(spec).Where(o => o.Operation[ListOperations.Extension] is JObject).ToList();
        Assert.That(lists, Has.Count.EqualTo(37));
        Assert.That(lists.Select(o => (string?)o.Operation[ListOperations.Extension]!["shape"]).Distinct(), Is.EquivalentTo(new[] { "array", "data" }));
        var ids = lists.Select(o => (string)o.Operation["operationId"]!).ToList();
        Assert.That(ids, Does.Contain("OrganizationDomains_ListForInstanceRaw").And.Contain("OrganizationInvitations_ListForInstanceRaw").And.Contain("M2M_ListTokensRaw"));
        var oauth = lists.Single(o => (string?)o.Operation["operationId"] == "Users_ListOAuthAccessTokensRaw").Operation;
        Assert.That((string?)oauth[ListOperations.Extension]!["allMethod"], Is.EqualTo("ListAllOAuthAccessTokens"));
        Assert.That(lists.Select(o => (string)o.Operation[ListOperations.Extension]!["method"]!), Has.None.StartWith("Get"), "a page form reads as a list");
    }
}
