using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Clerk's spec carries numbered copies of a schema (<c>CommercePlan-2</c>) that differ only in which
/// properties are present or required. A numbered name means nothing to a .NET user, so the variant is
/// merged into its base (union of properties, intersection of required) when the two agree on every
/// shared property's type; otherwise the build fails and an overlay must give the variant a real name.
/// </summary>
public static class SchemaVariants
{
    public static int MergeNumberedVariants(JObject document)
    {
        if (document["components"]?["schemas"] is not JObject schemas) return 0;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in schemas.Properties().ToList())
        {
            var dash = property.Name.LastIndexOf('-');
            if (dash <= 0 || !property.Name[(dash + 1)..].All(char.IsDigit)) continue;
            var baseName = property.Name[..dash];
            if (schemas[baseName] is not JObject baseSchema || property.Value is not JObject variant) continue;
            if (Json.Str(variant, SpecNormalizer.TypeNameExtension) is not null) continue; // named in an overlay
            Merge(baseName, baseSchema, property.Name, variant);
            map[property.Name] = baseName;
            property.Remove();
        }
        SchemaRefs.Rewrite(document, map);
        return map.Count;
    }

    private static void Merge(string baseName, JObject target, string variantName, JObject variant)
    {
        var targetProperties = Json.Obj(target, "properties") ?? new JObject();
        var variantProperties = Json.Obj(variant, "properties") ?? new JObject();
        foreach (var property in variantProperties.Properties())
        {
            if (targetProperties[property.Name] is JObject existing)
            {
                if (!Compatible(existing, (JObject)property.Value))
                {
                    throw new SpecToolException($"schema '{variantName}' cannot merge into '{baseName}': property '{property.Name}' differs in type; give '{variantName}' a name in an overlay");
                }
                continue;
            }
            targetProperties[property.Name] = property.Value.DeepClone();
        }
        target["properties"] = targetProperties;
        var required = (Json.Arr(target, "required") ?? new JArray()).Values<string>()
            .Intersect((Json.Arr(variant, "required") ?? new JArray()).Values<string>()).ToList();
        target["required"] = new JArray(required);
    }

    private static bool Compatible(JObject a, JObject b) => Shape(a) == Shape(b);

    /// <summary>Type, ref (variant suffix dropped) and item shape: what decides the generated property type.</summary>
    private static string Shape(JObject? schema)
    {
        if (schema is null) return "";
        var reference = Json.Ref(schema) ?? (Json.Arr(schema, "allOf") is { Count: 1 } allOf && allOf[0] is JObject only ? Json.Ref(only) : null);
        reference = reference is null ? "" : System.Text.RegularExpressions.Regex.Replace(reference, "-[0-9]+$", "");
        return $"{Json.Str(schema, "type")}|{reference}|[{Shape(Json.Obj(schema, "items"))}]";
    }
}
