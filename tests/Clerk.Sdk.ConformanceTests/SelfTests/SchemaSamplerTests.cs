using Clerk.Sdk.ConformanceTests.Synthesis;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.Sdk.ConformanceTests.SelfTests;

/// <summary>Values synthesized from schemas: required-only and all-fields variants, each valid for its schema.</summary>
public class SchemaSamplerTests
{
    private static readonly JObject ThingRef = JObject.Parse("""{ "$ref": "#/components/schemas/Thing" }""");

    [Test]
    public void Required_SendsOnlyRequiredFields_Nested()
    {
        var thing = (JObject)new SchemaSampler(TestSpecs.Things(), Variant.Required).Sample(ThingRef);
        Assert.That(thing.Count, Is.EqualTo(2));
        Assert.That((string?)thing["name"], Has.Length.GreaterThanOrEqualTo(10));
        Assert.That((string?)thing["owner"]!["id"], Does.Match(@"^user_\w{27}$"));
        Assert.That(thing["owner"]!["nickname"], Is.Null);
    }

    [Test]
    public void All_SendsEveryFieldButReadOnlyOnes()
    {
        var thing = (JObject)new SchemaSampler(TestSpecs.Things(), Variant.All).Sample(ThingRef);
        Assert.That(thing["id"], Is.Null, "read-only");
        Assert.That((string?)thing["kind"], Is.EqualTo("plain"));
        Assert.That((string?)thing["created_at"], Is.EqualTo("2025-01-02T03:04:05Z"));
        Assert.That(thing["owner"]!["nickname"], Is.Not.Null);
        Assert.That(((JObject)thing["public_metadata"]!).Count, Is.EqualTo(1));
        Assert.That(((JArray)thing["tags"]!).Count, Is.EqualTo(1));
    }

    [Test]
    public void Numbers_StayWithinMinimumAndMaximum()
    {
        var limit = new SchemaSampler(TestSpecs.Things(), Variant.All).Sample(JObject.Parse("""{ "type": "integer", "minimum": 1, "maximum": 5 }"""));
        var seconds = new SchemaSampler(TestSpecs.Things(), Variant.All).Sample(JObject.Parse("""{ "type": "integer", "minimum": 30, "exclusiveMinimum": true }"""));
        Assert.That((long)limit, Is.EqualTo(5));
        Assert.That((long)seconds, Is.EqualTo(31));
    }
}
