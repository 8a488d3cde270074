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
    public void EachDocumentRunsItsOwnPasses_InTheListedOrder_FromOneRun()
    {
        var run = new SpecNormalizer(Minimal(), withMock: true);
        run.Run();

        var order = NormalizationPasses.All.Select(p => p.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.Ran, Does.Contain("form-parameters").And.Contain("error-responses").And.Contain("shapes").And.Not.Contain("paginated-shapes").And.Not.Contain("form-encodings"));
            Assert.That(run.MockRan, Does.Contain("form-encodings").And.Contain("paginated-shapes").And.Contain("shape-names").And.Not.Contain("error-responses"));
            Assert.That(run.Ran.Select(name => order.IndexOf(name)), Is.Ordered);
            Assert.That(run.MockRan.Select(name => order.IndexOf(name)), Is.Ordered);
        });
    }

    [Test]
    public void ThePassesBeforeTheDocumentsDiffer_RunOnce_ForBoth()
    {
        var run = new SpecNormalizer(Minimal(), withMock: true);
        run.Run();

        var firstDifferent = NormalizationPasses.All.TakeWhile(p => p.RunsOn == SpecDocuments.Both).Select(p => p.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(firstDifferent, Does.Contain("webhook-events").And.Contain("operation-names").And.Contain("required-bodies"));
            Assert.That(run.Applications.Take(firstDifferent.Count), Is.EqualTo(firstDifferent), "each once, for both documents");
            Assert.That(run.Applications.Skip(firstDifferent.Count), Has.All.EndsWith("(sdk)").Or.EndsWith("(mock)"));
            Assert.That(run.MockRan.Take(firstDifferent.Count), Is.EqualTo(firstDifferent), "the mock document carries the shared passes");
            Assert.That(run.Mock, Is.Not.Null);
        });
    }

    [Test]
    public void WithoutAMockDocument_OnlyTheSdksPassesRun()
    {
        var run = new SpecNormalizer(Minimal());
        run.Run();

        Assert.Multiple(() =>
        {
            Assert.That(run.Mock, Is.Null);
            Assert.That(run.MockRan, Is.Empty);
            Assert.That(run.Ran, Does.Not.Contain("form-encodings"));
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
