using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.SpecTool.Tests;

/// <summary>Merging a numbered schema copy into its base drops nothing: enum values are united, nullability weakened.</summary>
public class SchemaVariantTests
{
    [Test]
    public void AVariantsExtraEnumValue_AndItsNullability_AreKept_AndReported()
    {
        var spec = JObject.Parse("""
            { "components": { "schemas": {
              "Session": { "type": "object", "properties": { "status": { "type": "string", "enum": ["active", "ended"] }, "note": { "type": "string" } } },
              "Session-2": { "type": "object", "properties": { "status": { "type": "string", "enum": ["active", "ended", "pending"] }, "note": { "type": "string", "nullable": true } } },
              "Kind": { "type": "string", "enum": ["a"] },
              "Kind-2": { "type": "string", "enum": ["a", "b"] }
            } } }
            """);

        var differences = new List<string>();
        Assert.That(SchemaVariants.MergeNumberedVariants(spec, differences), Is.EqualTo(2));

        var session = (JObject)spec.SelectToken("$.components.schemas.Session")!;
        Assert.That(session.SelectToken("properties.status.enum")!.Values<string>(), Is.EqualTo(new[] { "active", "ended", "pending" }));
        Assert.That((bool?)session.SelectToken("properties.note.nullable"), Is.True);
        Assert.That(spec.SelectToken("$.components.schemas.Kind.enum")!.Values<string>(), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(differences, Is.EquivalentTo(new[] { "Session.status: enum + \"pending\"", "Session.note: nullable", "Kind: enum + \"b\"" }));
    }

    [TestCase("bapi")]
    [TestCase("fapi")]
    public void ThePinnedSpecs_LoseNoEnumValue_WhenVariantsMerge(string api)
    {
        var raw = YamlJson.Load(Path.Combine(RepoPaths.SpecRoot, api, "2025-11-10.yml"));
        OverlayApplier.ApplyDirectory(raw, Path.Combine(RepoPaths.Root, "openapi", "overlays", api));
        var before = (JObject)raw.DeepClone();
        var differences = new List<string>();
        SchemaVariants.MergeNumberedVariants(raw, differences);
        var schemas = (JObject)raw["components"]!["schemas"]!;
        var dropped = 0;
        var checkedValues = 0;
        foreach (var variant in ((JObject)before["components"]!["schemas"]!).Properties().Where(p => System.Text.RegularExpressions.Regex.IsMatch(p.Name, "-[0-9]+$")))
        {
            if (schemas[variant.Name] is not null) continue; // named in an overlay, not merged
            var merged = (JObject)schemas[variant.Name[..variant.Name.LastIndexOf('-')]]!;
            foreach (var (path, values) in Enums((JObject)variant.Value, ""))
            {
                var target = path.Length == 0 ? merged["enum"] : merged.SelectToken("properties" + path + ".enum");
                foreach (var value in values)
                {
                    checkedValues++;
                    if (target is not JArray present || !present.Any(v => JToken.DeepEquals(v, value))) dropped++;
                }
            }
        }
        TestContext.Out.WriteLine($"{api}: {checkedValues} enum values of numbered variants checked, {dropped} dropped; differences kept: {string.Join("; ", differences)}");
        Assert.That(dropped, Is.Zero);
        if (api == "fapi") Assert.That(differences, Has.Some.Contains("\"pending\""), "the Frontend API session status keeps pending");
    }

    private static System.Collections.Generic.IEnumerable<(string Path, JArray Values)> Enums(JObject schema, string path)
    {
        if (schema["enum"] is JArray values) yield return (path, values);
        if (path.Length == 0 && schema["properties"] is JObject properties)
        {
            foreach (var property in properties.Properties())
            {
                if (property.Value is JObject child && child["enum"] is JArray childValues) yield return ("." + property.Name, childValues);
            }
        }
    }
}
