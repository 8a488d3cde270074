using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// The webhook payloads and the Frontend API describe many Backend API objects again under the same names (<c>User</c>,
/// <c>Session</c>, <c>Jwks</c>). Where a schema of this document fits the Backend API's schema of that name, the SDK
/// generates no second type: the generated code uses the Backend API's model (<c>Clerk.BackendApi.User</c>), so
/// <c>using Clerk.BackendApi;</c> and <c>using Clerk.Webhooks;</c> compile together.
/// <para>
/// A schema fits when the Backend API's model reads everything it holds with the same meaning: an object's every
/// property is a Backend API property of a fitting schema (the Backend API may have more, but not one it requires that
/// this schema does not require); an enum's values are among the Backend API's; anything else is the same canonical
/// JSON (descriptions ignored). References fit when they name the same schema and that schema fits too (a fixpoint:
/// a schema stops fitting when one it refers to does).
/// </para>
/// </summary>
public static class SharedModels
{
    private const string Prefix = "#/components/schemas/";

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "description", "example", "examples", "title", "externalDocs", SpecExtensions.Name, SpecExtensions.TypeName, "x-enumNames",
        SpecExtensions.Implements, SpecExtensions.Timestamp, SpecExtensions.TimestampUnit, SpecExtensions.TimestampZeroIsNone, SpecExtensions.Nullable,
    };

    /// <summary>The names of this document's schemas that the Backend API's models of the same name stand for.</summary>
    public static SortedSet<string> Find(JObject document, JObject backend)
    {
        var mine = document["components"]?["schemas"] as JObject ?? new JObject();
        var theirs = backend["components"]?["schemas"] as JObject ?? new JObject();
        var shared = new SortedSet<string>(mine.Properties().Select(p => p.Name).Where(n => theirs[n] is JObject), StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var name in shared.ToList())
            {
                if (!Fits(mine[name]!, theirs[name]!, shared))
                {
                    shared.Remove(name);
                    changed = true;
                }
            }
        }
        while (changed);
        return shared;
    }

    /// <summary>Whether the Backend API's <paramref name="theirs"/> reads every value <paramref name="mine"/> allows, with the same meaning.</summary>
    private static bool Fits(JToken mine, JToken theirs, IReadOnlySet<string> shared)
    {
        if (mine is JObject a && theirs is JObject b)
        {
            if (Json.Ref(a) is not null || Json.Ref(b) is not null)
            {
                return Json.Ref(a) is { } left && Json.Ref(b) is { } right && left == right && shared.Contains(left.Replace(Prefix, "", StringComparison.Ordinal)) &&
                       Json.Bool(a, "nullable") == Json.Bool(b, "nullable");
            }
            if (a["enum"] is JArray valuesA && b["enum"] is JArray valuesB)
            {
                var allowed = valuesB.Select(v => v.ToString(Formatting.None)).ToHashSet(StringComparer.Ordinal);
                return valuesA.All(v => allowed.Contains(v.ToString(Formatting.None))) && Json.Bool(a, "nullable") == Json.Bool(b, "nullable");
            }
            if (a["properties"] is JObject propertiesA && b["properties"] is JObject propertiesB)
            {
                var requiredA = Names(a["required"]);
                if (!Names(b["required"]).IsSubsetOf(requiredA)) return false;
                if (propertiesA.Properties().Any(p => propertiesB[p.Name] is not { } other || !Fits(p.Value, other, shared))) return false;
                return Fits(Without(a, "properties", "required"), Without(b, "properties", "required"), shared);
            }
            var keys = a.Properties().Select(p => p.Name).Concat(b.Properties().Select(p => p.Name)).Where(k => !Ignored.Contains(k)).Distinct(StringComparer.Ordinal);
            return keys.All(k => a[k] is { } x && b[k] is { } y && Fits(x, y, shared));
        }
        if (mine is JArray arrayA && theirs is JArray arrayB)
        {
            return arrayA.Count == arrayB.Count && arrayA.Zip(arrayB).All(pair => Fits(pair.First, pair.Second, shared));
        }
        return JToken.DeepEquals(mine, theirs);
    }

    private static JObject Without(JObject node, params string[] keys) =>
        new(node.Properties().Where(p => !keys.Contains(p.Name)).Select(p => new JProperty(p.Name, p.Value)));

    private static HashSet<string> Names(JToken? array) =>
        (array as JArray)?.Select(v => v.ToString()).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The NSwag configuration for this API: <paramref name="template"/> with the shared names added to
    /// <c>excludedTypeNames</c> (no type is generated for them) and the Backend API's namespace to
    /// <c>additionalNamespaceUsages</c> (the generated code finds its models there).
    /// </summary>
    public static JObject NSwagConfig(JObject template, IReadOnlyCollection<string> shared, string sharedNamespace)
    {
        var config = (JObject)template.DeepClone();
        if (shared.Count == 0) return config;
        var generator = config["codeGenerators"]?["openApiToCSharpClient"] as JObject
            ?? throw new SpecToolException("the NSwag configuration has no codeGenerators.openApiToCSharpClient");
        var excluded = generator["excludedTypeNames"] as JArray ?? new JArray();
        foreach (var name in shared.Where(n => !excluded.Any(e => (string?)e == n))) excluded.Add(name);
        generator["excludedTypeNames"] = excluded;
        var usages = generator["additionalNamespaceUsages"] as JArray ?? new JArray();
        if (!usages.Any(u => (string?)u == sharedNamespace)) usages.Add(sharedNamespace);
        generator["additionalNamespaceUsages"] = usages;
        return config;
    }
}
