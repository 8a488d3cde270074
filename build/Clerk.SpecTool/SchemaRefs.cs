using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>Renames component schemas and rewrites every <c>$ref</c> that points at them.</summary>
public static class SchemaRefs
{
    private const string Prefix = "#/components/schemas/";

    public static int RenameAll(JObject document, Func<string, JObject, string> rename)
    {
        if (document["components"]?["schemas"] is not JObject schemas) return 0;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in schemas.Properties())
        {
            var newName = rename(property.Name, property.Value as JObject ?? new JObject());
            if (taken.TryGetValue(newName, out var other))
            {
                throw new SpecToolException($"schemas '{other}' and '{property.Name}' both normalize to '{newName}': rename one in an overlay");
            }
            taken[newName] = property.Name;
            if (newName != property.Name) map[property.Name] = newName;
        }
        if (map.Count == 0) return 0;
        var rebuilt = new JObject(schemas.Properties().Select(p => new JProperty(map.GetValueOrDefault(p.Name, p.Name), p.Value)));
        schemas.Replace(rebuilt);
        Rewrite(document, map);
        return map.Count;
    }

    /// <summary>Points every ref to a key of <paramref name="map"/> at its value.</summary>
    public static void Rewrite(JObject document, IReadOnlyDictionary<string, string> map)
    {
        foreach (var node in document.Descendants().OfType<JObject>())
        {
            var reference = Json.Ref(node);
            if (reference is not null && reference.StartsWith(Prefix, StringComparison.Ordinal) &&
                map.TryGetValue(reference[Prefix.Length..], out var target))
            {
                node["$ref"] = Prefix + target;
            }
        }
    }

    public static JObject RefTo(string name) => new(new JProperty("$ref", Prefix + name));
}
