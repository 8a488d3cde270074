using System.Linq;
using Clerk.SpecTool;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.SpecTool.Tests;

/// <summary>The normalization is a list of named passes whose declared dependencies the pipeline checks.</summary>
public class PipelineTests
{
    [Test]
    public void TheNormalizationKeepsEveryDeclaredDependency() =>
        Assert.That(() => SpecPipeline.Validate(NormalizationPasses.All), Throws.Nothing);

    [Test]
    public void APassListedBeforeWhatItNeeds_IsRefused()
    {
        var passes = new[]
        {
            new SpecPass("b", SpecDocuments.Both, ["a"], _ => { }),
            new SpecPass("a", SpecDocuments.Both, _ => { }),
        };
        Assert.That(() => SpecPipeline.Validate(passes), Throws.InstanceOf<SpecToolException>().With.Message.EqualTo("pass 'b' must run after 'a', which is listed later"));
    }

    [Test]
    public void AnUnknownDependencyOrATwiceUsedName_IsRefused()
    {
        Assert.That(() => SpecPipeline.Validate([new SpecPass("a", SpecDocuments.Both, ["nope"], _ => { })]),
            Throws.InstanceOf<SpecToolException>().With.Message.Contains("'nope', which is no pass"));
        Assert.That(() => SpecPipeline.Validate([new SpecPass("a", SpecDocuments.Both, _ => { }), new SpecPass("a", SpecDocuments.Sdk, _ => { })]),
            Throws.InstanceOf<SpecToolException>().With.Message.Contains("two passes are named 'a'"));
    }

    [Test]
    public void EachDocumentRunsItsOwnPasses_InTheListedOrder()
    {
        var sdk = new SpecNormalizer(Minimal());
        var mock = new SpecNormalizer(Minimal(), forMock: true);
        sdk.Run();
        mock.Run();

        var order = NormalizationPasses.All.Select(p => p.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sdk.Ran, Does.Contain("form-parameters").And.Contain("error-responses").And.Contain("shapes").And.Not.Contain("paginated-shapes").And.Not.Contain("form-encodings"));
            Assert.That(mock.Ran, Does.Contain("form-encodings").And.Contain("paginated-shapes").And.Contain("shape-names").And.Not.Contain("error-responses"));
            Assert.That(sdk.Ran.Select(name => order.IndexOf(name)), Is.Ordered);
            Assert.That(mock.Ran.Select(name => order.IndexOf(name)), Is.Ordered);
        });
    }

    private static JObject Minimal() => JObject.Parse("""
        { "openapi": "3.0.3", "info": { "title": "t", "version": "1" },
          "paths": { "/things": { "get": { "operationId": "ListThings", "tags": ["Things"],
            "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "object", "properties": { "id": { "type": "string" } } } } } },
                           "404": { "description": "missing" } } } } },
          "components": { "schemas": {} } }
        """);
}
