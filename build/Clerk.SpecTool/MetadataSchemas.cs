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
}
