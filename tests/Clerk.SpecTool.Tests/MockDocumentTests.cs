using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.SpecTool.Tests;

/// <summary>
/// <c>--mock-out</c>: the document Prism serves to the conformance suite is the normalized one with the error responses
/// (and multipart bodies) kept, written by the same run.
/// </summary>
public class MockDocumentTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /things/{thing_id}:
            get:
              operationId: GetThing
              x-speakeasy-group: things
              x-speakeasy-name-override: get
              parameters: [ { name: thing_id, in: path, required: true, schema: { type: string } } ]
              responses:
                '200': { description: OK, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } }
                '400': { description: Bad, content: { application/json: { schema: { type: object, properties: { reason: { type: string } } } } } }
                '404': { $ref: '#/components/responses/NotFound' }
          /things/{thing_id}/logo:
            put:
              operationId: UploadThingLogo
              x-speakeasy-group: things
              x-speakeasy-name-override: uploadLogo
              parameters: [ { name: thing_id, in: path, required: true, schema: { type: string } } ]
              requestBody:
                required: true
                content: { multipart/form-data: { schema: { type: object, required: [file], properties: { file: { type: string, format: binary } } } } }
              responses:
                '200': { description: OK }
        components:
          responses:
            NotFound: { description: Not found, content: { application/json: { schema: { $ref: '#/components/schemas/Errors' } } } }
          schemas:
            Errors: { type: object, properties: { errors: { type: array, items: { type: object, properties: { code: { type: string } } } } } }
        """;

    [Test]
    public void TheMockDocument_KeepsErrorResponsesAndMultipartBodies_TheNormalizedOneDoesNot()
    {
        var (normalized, mock) = Run();

        var get = "$.paths['/things/{thing_id}'].get";
        Assert.That(Codes(normalized, get), Is.EqualTo(new[] { "200" }));
        Assert.That(Codes(mock, get), Is.EqualTo(new[] { "200", "400", "404" }));
        Assert.That((string?)mock.SelectToken(get + ".responses.404.$ref"), Is.EqualTo("#/components/responses/NotFound"));
        Assert.That(mock.SelectToken("$.components.responses.NotFound"), Is.Not.Null, "a shared error response stays");
        Assert.That((string?)mock.SelectToken(get + ".responses.400.content['application/json'].schema.$ref"), Is.EqualTo("#/components/schemas/GetThingResponse400"),
            "an inline error body is named with its status, not as the success response");

        var upload = "$.paths['/things/{thing_id}/logo'].put";
        Assert.That(normalized.SelectToken(upload + ".requestBody"), Is.Null, "the SDK's document turns the form into parameters");
        Assert.That(mock.SelectToken(upload + ".requestBody.content['multipart/form-data'].schema.required"), Is.Not.Null, "Prism validates the multipart body");
    }

    [Test]
    public void BothDocuments_HaveTheSameOperationsAndSuccessSchemas()
    {
        var (normalized, mock) = Run();

        Assert.That(Ids(mock), Is.EqualTo(Ids(normalized)));
        Assert.That(JToken.DeepEquals(mock.SelectToken("$.components.schemas.GetThingResponse"), normalized.SelectToken("$.components.schemas.GetThingResponse")), Is.True);
        Assert.That(JToken.DeepEquals(
            mock.SelectToken("$.paths['/things/{thing_id}'].get.parameters"),
            normalized.SelectToken("$.paths['/things/{thing_id}'].get.parameters")), Is.True);
    }

    [Test]
    public void WithoutMockOut_OnlyTheNormalizedDocumentIsWritten()
    {
        var dir = RepoPaths.TempDirectory("clerk-spectool-tests");
        Assert.That(Program.Main(Arguments(dir, mockOut: null)), Is.EqualTo(0));
        Assert.That(Directory.GetFiles(Path.Combine(dir, "out")).Select(Path.GetFileName), Is.EqualTo(new[] { "normalized.json" }));
    }

    private static (JObject Normalized, JObject Mock) Run()
    {
        var dir = RepoPaths.TempDirectory("clerk-spectool-tests");
        Assert.That(Program.Main(Arguments(dir, Path.Combine(dir, "out", "mock.json"))), Is.EqualTo(0));
        return (JObject.Parse(File.ReadAllText(Path.Combine(dir, "out", "normalized.json"))), JObject.Parse(File.ReadAllText(Path.Combine(dir, "out", "mock.json"))));
    }

    private static string[] Arguments(string dir, string? mockOut)
    {
        var (lockFile, specs) = PinnedSpec.Write(dir, Spec);
        string[] args = ["normalize", "--lock", lockFile, "--spec", "t", "--search", specs, "--cache", Path.Combine(dir, "cache"), "--no-download", "--out", Path.Combine(dir, "out", "normalized.json")];
        return mockOut is null ? args : [.. args, "--mock-out", mockOut];
    }

    private static string[] Codes(JObject document, string operation) =>
        ((JObject)document.SelectToken(operation + ".responses")!).Properties().Select(p => p.Name).ToArray();

    private static string[] Ids(JObject document) =>
        document.SelectTokens("$.paths.*.*.operationId").Select(t => (string)t!).ToArray();
}
