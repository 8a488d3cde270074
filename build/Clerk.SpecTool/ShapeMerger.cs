using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// One type per shape: component schemas that are structurally identical (the same properties with the same types,
/// formats, nullability, enum values and required list, their own references compared the same way; descriptions and
/// examples ignored) become one schema, and every <c>$ref</c> points at it. An API key comes back from five operations
/// of the Backend API; the spec describes its shape five times (inline, lifted to five names), the SDK has one
/// <c>ApiKey</c>.
/// <para>
/// Only what a response can hold is merged (request bodies stay one type per operation: their names say what they are
/// for), only plain objects (no enums, no <c>allOf</c>) and only shapes of <see cref="MinimumProperties"/> properties or
/// more: two tiny shapes (<c>{ "user_id" }</c>) that agree by chance are different things. A group takes the name an
/// overlay gives it in the document's <see cref="SpecExtensions.ShapeNames"/> map (name to a member), else its shortest member name.
/// </para>
/// </summary>
public static class ShapeMerger
{
    /// <summary>Shapes with fewer properties are never merged.</summary>
    public const int MinimumProperties = 3;

    private const string Prefix = "#/components/schemas/";

    /// <summary>Keys that say nothing about the wire shape.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "description", "example", "examples", "title", "externalDocs", SpecExtensions.TypeName };

    /// <summary>Merges identical shapes; returns how many schemas were removed. What it merged goes to
    /// <paramref name="merges"/> (<c>ApiKey &lt;- GetApiKeyResponse, RevokeApiKeyResponse</c>, for the build report).</summary>
    public static int Apply(JObject document, ICollection<string>? merges = null)
    {
        if (document["components"]?["schemas"] is not JObject schemas) return 0;
        var candidates = Candidates(document, schemas);
        var groups = Groups(schemas, candidates);
        var names = document[SpecExtensions.ShapeNames] as JObject;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var members in groups)
        {
            var name = names?.Properties().FirstOrDefault(p => p.Value.Type == JTokenType.String && members.Contains((string)p.Value!))?.Name
                       ?? members.OrderBy(m => m.Length).ThenBy(m => m, StringComparer.Ordinal).First();
            if (!members.Contains(name) && schemas[name] is not null)
            {
                throw new SpecToolException($"{SpecExtensions.ShapeNames}: '{name}' names the shape of {string.Join(", ", members)} but is already another schema");
            }
            var kept = members.Contains(name) ? name : members.OrderBy(m => m, StringComparer.Ordinal).First();
            var schema = schemas[kept]!;
            foreach (var member in members) schemas.Remove(member);
            schemas[name] = schema;
            foreach (var member in members.Where(m => m != name)) map[member] = name;
            merges?.Add($"{name} <- {string.Join(", ", members.Where(m => m != name).OrderBy(m => m, StringComparer.Ordinal))}");
        }
        SchemaRefs.Rewrite(document, map);
        document.Remove(SpecExtensions.ShapeNames);
        return map.Count;
    }

    /// <summary>The mock document keeps every schema as the spec has it: only the overlay's names map goes.</summary>
    public static int RemoveNames(JObject document)
    {
        document.Remove(SpecExtensions.ShapeNames);
        return 0;
    }

    /// <summary>
    /// Plain object schemas of enough properties that a response can reach (all of them in a document without operations:
    /// the webhook payloads).
    /// </summary>
    private static HashSet<string> Candidates(JObject document, JObject schemas)
    {
        var responses = SpecDocument.Operations(document).Select(o => o.Operation["responses"]).OfType<JObject>().ToList();
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        if (responses.Count == 0)
        {
            reachable.UnionWith(schemas.Properties().Select(p => p.Name));
        }
        else
        {
            var pending = new Stack<JContainer>(responses);
            while (pending.Count > 0)
            {
                foreach (var node in pending.Pop().DescendantsAndSelf().OfType<JObject>())
                {
                    if (Json.Ref(node) is { } reference && reference.StartsWith(Prefix, StringComparison.Ordinal) &&
                        reachable.Add(reference[Prefix.Length..]) && schemas[reference[Prefix.Length..]] is JObject target)
                    {
                        pending.Push(target);
                    }
                }
            }
        }
        return reachable.Where(name => schemas[name] is JObject schema && schema["enum"] is null && schema["allOf"] is null &&
                                       schema["oneOf"] is null && schema["anyOf"] is null &&
                                       schema["properties"] is JObject { Count: >= MinimumProperties })
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Groups of two or more identical candidates: a partition refinement. All candidates start in one class; each round
    /// splits the classes by canonical form, with references to candidates written as their class, until a round splits
    /// nothing (each round only splits, so it ends).
    /// </summary>
    private static List<List<string>> Groups(JObject schemas, HashSet<string> candidates)
    {
        var classOf = candidates.ToDictionary(c => c, _ => 0, StringComparer.Ordinal);
        var count = 1;
        while (true)
        {
            var classes = candidates
                .GroupBy(c => $"{classOf[c]}|{Canonical(schemas[c]!, classOf)}", StringComparer.Ordinal)
                .Select(g => g.OrderBy(m => m, StringComparer.Ordinal).ToList())
                .ToList();
            if (classes.Count == count)
            {
                return classes.Where(g => g.Count > 1).OrderBy(g => g[0], StringComparer.Ordinal).ToList();
            }
            count = classes.Count;
            for (var i = 0; i < classes.Count; i++)
            {
                foreach (var member in classes[i]) classOf[member] = i;
            }
        }
    }

    /// <summary>The schema as sorted JSON: ignored keys out, required and enum sorted, candidate references by class.</summary>
    private static string Canonical(JToken schema, IReadOnlyDictionary<string, int> classOf) =>
        Canonicalize(schema, classOf).ToString(Formatting.None);

    private static JToken Canonicalize(JToken token, IReadOnlyDictionary<string, int> classOf)
    {
        switch (token)
        {
            case JObject node:
                var result = new JObject();
                foreach (var property in node.Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (Ignored.Contains(property.Name)) continue;
                    if (property.Name == "$ref" && property.Value.Type == JTokenType.String)
                    {
                        var name = ((string)property.Value!).Replace(Prefix, "", StringComparison.Ordinal);
                        result["$ref"] = classOf.TryGetValue(name, out var cls) ? $"class:{cls}" : name;
                    }
                    else if (property.Name is "required" or "enum" && property.Value is JArray values)
                    {
                        result[property.Name] = new JArray(values.Select(v => v.ToString(Formatting.None)).OrderBy(v => v, StringComparer.Ordinal));
                    }
                    else
                    {
                        result[property.Name] = Canonicalize(property.Value, classOf);
                    }
                }
                return result;
            case JArray array:
                return new JArray(array.Select(item => Canonicalize(item, classOf)));
            default:
                return token.DeepClone();
        }
    }
}
