using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Clerk's spec carries numbered copies of a schema (<c>CommercePlan-2</c>) that differ only in which
/// properties are present or required. A numbered name means nothing to a .NET user, so the variant is
/// merged into its base (union of properties, intersection of required) when the two agree on every
/// shared property's type; otherwise the build fails and an overlay must give the variant a real name. Nothing of
/// the variant is dropped: a shared property (or an enum schema itself) keeps the union of both enum value lists and
/// the weaker nullability (nullable when either is), and every such difference is reported (<see cref="MergeNumberedVariants"/>).
/// </summary>
public static class SchemaVariants
{
    /// <summary>Merges the numbered variants; returns how many. What it reconciled goes to <paramref name="differences"/>
    /// (<c>Session.status: enum + pending</c>, <c>X.y: nullable</c>; the build report counts them).</summary>
    public static int MergeNumberedVariants(JObject document, ICollection<string>? differences = null)
    {
        if (document["components"]?["schemas"] is not JObject schemas) return 0;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in schemas.Properties().ToList())
        {
            var dash = property.Name.LastIndexOf('-');
            if (dash <= 0 || !property.Name[(dash + 1)..].All(char.IsDigit)) continue;
            var baseName = property.Name[..dash];
            if (schemas[baseName] is not JObject baseSchema || property.Value is not JObject variant) continue;
            if (Json.Str(variant, SpecExtensions.TypeName) is not null) continue; // named in an overlay
            Merge(baseName, baseSchema, property.Name, variant, differences);
            map[property.Name] = baseName;
            property.Remove();
        }
        SchemaRefs.Rewrite(document, map);
        return map.Count;
    }

    private static void Merge(string baseName, JObject target, string variantName, JObject variant, ICollection<string>? differences)
    {
        Reconcile($"{baseName}", target, variant, differences);
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
                Reconcile($"{baseName}.{property.Name}", existing, (JObject)property.Value, differences);
                continue;
            }
            targetProperties[property.Name] = property.Value.DeepClone();
        }
        target["properties"] = targetProperties;
        var required = (Json.Arr(target, "required") ?? new JArray()).Values<string>()
            .Intersect((Json.Arr(variant, "required") ?? new JArray()).Values<string>()).ToList();
        target["required"] = new JArray(required);
    }

    /// <summary>Keeps the union of enum values and the weaker nullability of two compatible schemas (their items too).</summary>
    private static void Reconcile(string where, JObject target, JObject variant, ICollection<string>? differences)
    {
        if (Json.Arr(variant, "enum") is { } variantValues && Json.Arr(target, "enum") is { } targetValues)
        {
            var added = variantValues.Where(v => !targetValues.Any(t => JToken.DeepEquals(t, v))).ToList();
            foreach (var value in added) targetValues.Add(value.DeepClone());
            if (added.Count > 0) differences?.Add($"{where}: enum + {string.Join(", ", added.Select(v => v.ToString(Newtonsoft.Json.Formatting.None)))}");
        }
        if (variant["nullable"]?.Value<bool>() == true && target["nullable"]?.Value<bool>() != true)
        {
            target["nullable"] = true;
            differences?.Add($"{where}: nullable");
        }
        if (Json.Obj(target, "items") is { } targetItems && Json.Obj(variant, "items") is { } variantItems)
        {
            Reconcile(where + "[]", targetItems, variantItems, differences);
        }
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
