using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.SpecTool.Tests;

/// <summary>Invariants of the normalized pinned Backend API spec (2025-11-10) that NSwag relies on.</summary>
public class PinnedSpecTests
{
    private static readonly JObject Spec = NormalizerFixture.PinnedBackendApi();

    private static IEnumerable<JObject> Operations => SpecDocument.Operations(Spec).Select(o => o.Operation);

    private static JObject Schemas => (JObject)Spec["components"]!["schemas"]!;

    [Test]
    public void Has239Operations_AllNamedResourceMethod_Uniquely()
    {
        var ids = Operations.Select(o => (string)o["operationId"]!).ToList();
        Assert.That(ids, Has.Count.EqualTo(239));
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Has.All.Match("^[A-Z][A-Za-z0-9]*_[A-Z][A-Za-z0-9]*$"));
    }

    [Test]
    public void NoInlineObjectOrEnumIsLeftForNSwagToName()
    {
        var offenders = new List<string>();
        foreach (var node in Spec.Descendants().OfType<JObject>())
        {
            if (node.Path.StartsWith("components.schemas.", System.StringComparison.Ordinal) && node.Parent?.Parent == Schemas) continue; // a named schema itself
            var inAllOfOfNamedSchema = node.Parent is JArray { Parent: JProperty { Name: "allOf", Parent: JObject owner } } && owner.Parent?.Parent == Schemas;
            var isObject = node["properties"] is JObject { Count: > 0 } && !inAllOfOfNamedSchema && (node.Parent is JArray || node.Parent is JProperty { Name: not "properties" });
            var isEnum = node["enum"] is JArray && node["type"] is JValue { Type: JTokenType.String } type && (string)type! is "string" or "integer";
            if ((isObject || isEnum) && !node.Path.Contains("multipart/form-data") && !node.Path.Contains("x-www-form-urlencoded")) offenders.Add(node.Path);
        }
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void EveryIntegerIsInt64OrExplicitlySized()
    {
        var unsized = Spec.Descendants().OfType<JObject>().Where(n => n["type"] is JValue { Type: JTokenType.String } t && (string)t! == "integer" && n["format"] is null).Select(n => n.Path).ToList();
        Assert.That(unsized, Is.Empty);
    }

    [Test]
    public void SchemaNamesAreDotNetNames()
    {
        var names = Schemas.Properties().Select(p => p.Name).ToList();
        Assert.That(names.Where(n => !Regex.IsMatch(n, "^[A-Z][A-Za-z0-9]*[A-Za-z]$") || Regex.IsMatch(n, "^(Body|Response|Anonymous)")), Is.Empty);
    }

    [Test]
    public void EverySchemaDefinesTheRequiredPropertiesItLists()
    {
        // Clerk's spec requires properties it never defines (SAMLConnection's `authenticatable`); the conformance
        // suite's Prism responses then fail the spec's own validation. openapi/overlays/bapi/40-spec-fixes.yaml fixes them.
        var undefined = Schemas.Properties()
            .Where(s => s.Value["allOf"] is null && s.Value["properties"] is JObject)
            .SelectMany(s => (s.Value["required"] as JArray ?? new JArray()).Select(r => (string)r!)
                .Where(r => s.Value["properties"]![r] is null)
                .Select(r => $"{s.Name}.{r}"))
            .ToList();
        Assert.That(undefined, Is.Empty);
    }

    [Test]
    public void EveryPropertyOfEveryModelHasADotNetName()
    {
        var missing = Schemas.Properties()
            .SelectMany(s => ((s.Value["properties"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>()).Select(p => (Schema: s.Name, Property: p)))
            .Where(x => x.Property.Value[SpecExtensions.Name] is null)
            .Select(x => $"{x.Schema}.{x.Property.Name}")
            .ToList();
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void TheVerificationUnionKeepsEveryAlternativesFields()
    {
        var verification = (JObject)Schemas["EmailAddressVerification"]!["properties"]!;
        // From the OTP alternative and from the admin / email-link alternatives: both survive the merge.
        Assert.That(verification.Properties().Select(p => p.Name), Is.SupersetOf(new[] { "status", "strategy", "attempts", "expire_at" }));
        // One alternative leaves `strategy` open (any string), so the merged field is a string, not a closed enum.
        Assert.That((string?)verification["strategy"]!["type"], Is.EqualTo("string"));
        Assert.That(verification["strategy"]!["enum"], Is.Null);
        var status = (JObject)Schemas[((string)verification["status"]!["$ref"]!).Split('/').Last()]!;
        Assert.That(status["enum"]!.ToObject<string[]>(), Is.SupersetOf(new[] { "unverified", "verified", "expired" }));
    }
}
