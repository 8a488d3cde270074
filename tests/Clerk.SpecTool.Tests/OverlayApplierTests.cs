using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.SpecTool.Tests;

public class OverlayApplierTests
{
    private static JObject Spec() => JObject.Parse("""
        {
          "paths": {
            "/api_keys": { "get": { "operationId": "getApiKeys", "tags": ["API Keys"] }, "post": { "operationId": "createApiKey" } }
          },
          "components": { "schemas": { "A": { "type": "object", "required": ["x"], "properties": { "x": { "type": "string" }, "y": { "type": "string" } } } } }
        }
        """);

    private static JObject Overlay(string actions) => JObject.Parse($$"""{ "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "actions": {{actions}} }""");

    [Test]
    public void Update_MergesIntoEveryTarget()
    {
        var spec = Spec();
        var count = OverlayApplier.Apply(spec, Overlay("""[{ "target": "$.paths['/api_keys'].*", "update": { "x-speakeasy-group": "apiKeys" } }]"""), "t.yaml");

        Assert.That(count, Is.EqualTo(1));
        Assert.That((string?)spec.SelectToken("$.paths['/api_keys'].get['x-speakeasy-group']"), Is.EqualTo("apiKeys"));
        Assert.That((string?)spec.SelectToken("$.paths['/api_keys'].post['x-speakeasy-group']"), Is.EqualTo("apiKeys"));
        Assert.That((string?)spec.SelectToken("$.paths['/api_keys'].get.operationId"), Is.EqualTo("getApiKeys"), "update merges, it does not replace");
    }

    [Test]
    public void Update_OfAnArrayAppends_RemoveDeletes()
    {
        var spec = Spec();
        OverlayApplier.Apply(spec, Overlay("""
            [
              { "target": "$.components.schemas.A.required", "update": "y" },
              { "target": "$.components.schemas.A.properties.x", "remove": true }
            ]
            """), "t.yaml");

        Assert.That(spec.SelectToken("$.components.schemas.A.required")!.ToObject<string[]>(), Is.EqualTo(new[] { "x", "y" }));
        Assert.That(spec.SelectToken("$.components.schemas.A.properties.x"), Is.Null);
        Assert.That(spec.SelectToken("$.components.schemas.A.properties.y"), Is.Not.Null);
    }

    [Test]
    public void ATargetThatMatchesNothing_FailsNamingTheAction()
    {
        var ex = Assert.Throws<SpecToolException>(() => OverlayApplier.Apply(Spec(), Overlay("""[{ "target": "$.paths['/gone'].get", "update": { "x": 1 } }]"""), "t.yaml"));
        Assert.That(ex!.Message, Does.Contain("t.yaml").And.Contain("$.paths['/gone'].get").And.Contain("matches nothing"));
    }

    [Test]
    public void ADocumentThatIsNotAnOverlay_IsRejected()
    {
        var ex = Assert.Throws<SpecToolException>(() => OverlayApplier.Apply(Spec(), JObject.Parse("""{ "actions": [] }"""), "bad.yaml"));
        Assert.That(ex!.Message, Does.Contain("bad.yaml").And.Contain("overlay"));
    }

    [Test]
    public void TheRepoOverlaysApplyToThePinnedSpec()
    {
        var spec = YamlJson.Load(System.IO.Path.Combine(RepoPaths.SpecRoot, "bapi", "2025-11-10.yml"));
        var applied = OverlayApplier.ApplyDirectory(spec, System.IO.Path.Combine(RepoPaths.Root, "openapi", "overlays", "bapi"));
        Assert.That(applied, Is.GreaterThanOrEqualTo(14), "every action of the repo's overlays matched something");
        Assert.That((string?)spec.SelectToken("$.paths['/api_keys'].post['x-speakeasy-name-override']"), Is.EqualTo("create"));
    }
}
