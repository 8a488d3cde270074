using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Clerk's free-form metadata (<c>public_metadata</c>, <c>private_metadata</c>, <c>unsafe_metadata</c>, ...)
/// becomes one <c>Metadata</c> type (a JSON object that keeps every key), so the SDK can offer raw and typed
/// access in one place instead of a dictionary per property.
/// </summary>
public static class MetadataSchemas
{
    public const string SchemaName = "Metadata";

    /// <summary>Metadata properties and the handwritten interface (namespace Clerk, src/Clerk.Sdk/Metadata) that exposes each typed.</summary>
    private static readonly (string Property, string Interface)[] Holders =
    [
        ("public_metadata", "IHasPublicMetadata"),
        ("private_metadata", "IHasPrivateMetadata"),
        ("unsafe_metadata", "IHasUnsafeMetadata"),
    ];

    public static void Apply(JObject document)
    {
        if (document["components"]?["schemas"] is not JObject schemas) return;
        var found = false;
        foreach (var property in document.Descendants().OfType<JProperty>().ToList())
        {
            if (property.Parent?.Parent is not JProperty { Name: "properties" }) continue;
            if (!(property.Name.EndsWith("_metadata", System.StringComparison.Ordinal) || property.Name == "metadata")) continue;
            if (property.Value is not JObject schema || Json.Str(schema, "type") != "object" || Json.HasProperties(schema)) continue;
            var description = Json.Str(schema, "description");
            var replacement = SchemaRefs.RefTo(SchemaName);
            if (description is not null) replacement["description"] = description;
            property.Value = replacement;
            found = true;
        }
        if (found && schemas[SchemaName] is null)
        {
            schemas[SchemaName] = new JObject
            {
                ["type"] = "object",
                ["description"] = "Free-form JSON metadata attached to a Clerk object.",
                ["additionalProperties"] = true,
            };
        }
    }

    /// <summary>
    /// Marks every model holding metadata with the matching interface, so <c>user.GetPublicMetadata&lt;T&gt;()</c>
    /// works on every such model, including ones a spec bump adds. Runs after inline schemas are lifted.
    /// </summary>
    public static void MarkHolders(JObject document)
    {
        if (document["components"]?["schemas"] is not JObject schemas) return;
        foreach (var schema in schemas.Properties().Select(p => p.Value).OfType<JObject>())
        {
            var parts = new[] { schema }.Concat((Json.Arr(schema, "allOf") ?? new JArray()).OfType<JObject>()).ToList();
            var interfaces = Holders
                .Where(h => parts.Any(p => p["properties"]?[h.Property] is JObject property && Json.Ref(property) == "#/components/schemas/" + SchemaName))
                .Select(h => $"Clerk.{h.Interface}")
                .ToList();
            if (interfaces.Count > 0) schema[SpecExtensions.Implements] = string.Join(", ", interfaces);
        }
    }
}
