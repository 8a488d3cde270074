using System;
using System.Text.RegularExpressions;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// NJsonSchema names properties <c>Created_at</c> and has no option to change it, so the .NET name of every
/// property is decided here and carried to the templates in <c>x-clerk-name</c> (the JSON name stays the wire name).
/// </summary>
public static class PropertyNaming
{
    /// <summary>Names the generated DTO template declares itself and properties must not take.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "AdditionalProperties", "ToString", "GetType", "Equals", "GetHashCode" };

    public static void Apply(JObject document)
    {
        if (document["components"]?["schemas"] is not JObject schemas) return;
        foreach (var schema in schemas.Properties())
        {
            if (schema.Value is not JObject node) continue;
            NameProperties(schema.Name, node, schemas);
            foreach (var member in (Json.Arr(node, "allOf") ?? new JArray()).OfType<JObject>()) NameProperties(schema.Name, member, schemas);
        }
        // Form bodies stay inline (their fields become parameters) but are named all the same.
        foreach (var form in document.Descendants().OfType<JProperty>().Where(p => p.Name is "multipart/form-data" or "application/x-www-form-urlencoded"))
        {
            if (form.Value["schema"] is JObject schema) NameProperties("Form", schema, schemas);
        }
    }

    private static void NameProperties(string className, JObject schema, JObject schemas)
    {
        if (schema["properties"] is not JObject properties) return;
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in properties.Properties())
        {
            if (property.Value is not JObject child) continue;
            var name = Naming.Pascal(property.Name);
            if (name == className || Reserved.Contains(name)) name += "Value";
            if (used.TryGetValue(name, out var other))
            {
                throw new SpecToolException($"schema {className}: properties '{other}' and '{property.Name}' both become {name}; rename one in an overlay");
            }
            used[name] = property.Name;
            child[SpecExtensions.Name] = name;
            if (IsNullable(child, schemas)) child[SpecExtensions.Nullable] = true;
        }
        foreach (var property in properties.Properties())
        {
            if (property.Value is not JObject child || Timestamp(property.Name, child) is not { } unit) continue;
            var view = (string)child[SpecExtensions.Name]! + "Utc";
            if (used.ContainsKey(view)) continue;
            used[view] = property.Name;
            child[SpecExtensions.Timestamp] = view;
            if (unit == "seconds") child[SpecExtensions.TimestampUnit] = unit;
            if (Regex.IsMatch(Json.Str(child, "description") ?? "", @"\b0 if\b", RegexOptions.IgnoreCase)) child[SpecExtensions.TimestampZeroIsNone] = true;
        }
    }

    /// <summary>
    /// Whether a property may be null: it says <c>nullable</c>, the schema it refers to does (directly or as the single
    /// <c>allOf</c> member), or it has no type at all (any JSON value).
    /// </summary>
    private static bool IsNullable(JObject property, JObject schemas)
    {
        if (Json.Bool(property, "nullable")) return true;
        // An empty schema (any JSON value) allows null too.
        if (!property.Properties().Any(p => p.Name is "type" or "$ref" or "allOf" or "oneOf" or "anyOf" or "properties" or "items" or "enum")) return true;
        var target = Json.Arr(property, "allOf") is [JObject only] ? only : property;
        if (Json.Bool(target, "nullable")) return true;
        return Json.Str(target, "$ref") is { } reference && schemas[reference.Split('/')[^1]] is JObject referenced && Json.Bool(referenced, "nullable");
    }

    /// <summary>
    /// The unit of a timestamp, decided from the spec per field, or null for a number that is not one. Clerk's
    /// timestamps are Unix milliseconds in int64 properties named <c>..._at</c> (<c>created_at</c>, <c>expire_at</c>)
    /// unless the description states seconds (the Frontend API's RFC 7591 <c>client_id_issued_at</c>,
    /// <c>client_secret_expires_at</c>); other int64 properties are timestamps when their description says so and states
    /// the unit (<c>expiration</c>: "the timestamp ... in milliseconds", <c>period_end</c>, <c>iat</c>: "seconds since
    /// January 1 1970"), or when named <c>..._ms</c>.
    /// </summary>
    public static string? Timestamp(string jsonName, JObject schema)
    {
        if (Json.Str(schema, "type") != "integer" || Json.Str(schema, "format") != "int64") return null;
        var description = Json.Str(schema, "description") ?? "";
        var milliseconds = description.Contains("millisecond", StringComparison.OrdinalIgnoreCase);
        var seconds = !milliseconds && Regex.IsMatch(description, @"\bseconds?\b", RegexOptions.IgnoreCase);
        if (jsonName.EndsWith("_at", StringComparison.Ordinal)) return seconds ? "seconds" : "milliseconds";
        if (jsonName.EndsWith("_ms", StringComparison.Ordinal)) return "milliseconds";
        if (!Regex.IsMatch(description, @"\b(timestamp|unix|epoch)\b", RegexOptions.IgnoreCase)) return null;
        return milliseconds ? "milliseconds" : seconds ? "seconds" : null;
    }
}
