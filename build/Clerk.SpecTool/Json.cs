using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>Small, safe accessors over the spec tree (a key may hold a string in one place and an object in another).</summary>
public static class Json
{
    public static string? Str(JObject node, string key) => node[key] is JValue { Type: JTokenType.String } value ? (string?)value : null;

    public static JObject? Obj(JObject node, string key) => node[key] as JObject;

    public static JArray? Arr(JObject node, string key) => node[key] as JArray;

    public static bool Bool(JObject node, string key) => node[key] is JValue { Type: JTokenType.Boolean } value && (bool)value;

    public static string? Ref(JObject node) => Str(node, "$ref");

    /// <summary>The component schema a <c>$ref</c> points to, or null.</summary>
    public static JObject? Resolve(JObject document, JObject node)
    {
        var reference = Ref(node);
        const string prefix = "#/components/schemas/";
        if (reference is null || !reference.StartsWith(prefix, System.StringComparison.Ordinal)) return null;
        return document["components"]?["schemas"]?[reference[prefix.Length..]] as JObject;
    }

    /// <summary>The component response a response's <c>$ref</c> points to, else the response itself.</summary>
    public static JObject ResolveResponse(JObject document, JObject response)
    {
        const string prefix = "#/components/responses/";
        return Ref(response) is { } reference && reference.StartsWith(prefix, System.StringComparison.Ordinal)
            ? document["components"]?["responses"]?[reference[prefix.Length..]] as JObject ?? response
            : response;
    }

    public static bool IsSchemaObject(JObject node) =>
        Str(node, "type") == "object" || node["properties"] is JObject;

    public static bool HasProperties(JObject node) => node["properties"] is JObject { Count: > 0 };

    /// <summary>
    /// Every schema node reachable from a schema (properties, items, additionalProperties, compositions), not following refs.
    /// </summary>
    public static IEnumerable<JObject> SubSchemas(JObject schema)
    {
        if (schema["properties"] is JObject properties)
        {
            foreach (var property in properties.Properties())
            {
                if (property.Value is JObject child) yield return child;
            }
        }
        if (schema["items"] is JObject items) yield return items;
        if (schema["additionalProperties"] is JObject additional) yield return additional;
        foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema[keyword] is JArray members)
            {
                foreach (var member in members.OfType<JObject>()) yield return member;
            }
        }
    }
}
