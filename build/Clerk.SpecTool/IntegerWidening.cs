using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Clerk timestamps are Unix milliseconds: an integer without a format must not become Int32. The API-key, M2M and
/// admin-portal endpoints also type integers as <c>number</c> (timestamps, counts, seconds, limit/offset); a
/// <c>number</c> without a format whose name says it is one of those becomes an int64 too. Real fractions
/// (<c>percent_off</c>, <c>cycle_passed_percent</c>) carry a float/double format and stay.
/// </summary>
public static class IntegerWidening
{
    /// <summary>Widens; returns how many schemas became int64.</summary>
    public static int Apply(JObject document)
    {
        var count = 0;
        foreach (var node in document.Descendants().OfType<JObject>())
        {
            var type = Json.Str(node, "type");
            if (node["format"] is not null || type is not ("integer" or "number")) continue;
            if (type == "number" && !IsIntegerByName(NameOf(node))) continue;
            node["type"] = "integer";
            node["format"] = "int64";
            count++;
        }
        return count;
    }

    private static string? NameOf(JObject schema) => schema.Parent switch
    {
        // A property schema: properties.{name}.
        JProperty { Parent: JObject { Parent: JProperty { Name: "properties" } } } property => property.Name,
        // A parameter schema: { name, in, schema }.
        JProperty { Name: "schema", Parent: JObject parameter } when Json.Str(parameter, "in") is not null => Json.Str(parameter, "name"),
        _ => null,
    };

    private static bool IsIntegerByName(string? name) =>
        name is not null &&
        (name.EndsWith("_at", StringComparison.Ordinal) || name is "expiration" or "total_count" or "limit" or "offset" ||
         name.StartsWith("seconds_", StringComparison.Ordinal));
}
