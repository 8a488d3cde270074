using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// NSwag names a C# parameter from <c>x-originalName</c> while keeping <c>name</c> on the wire:
/// <c>user_id</c> becomes <c>userId</c>, <c>apiKeyID</c> becomes <c>apiKeyId</c>.
/// </summary>
public static class ParameterNaming
{
    public static void Apply(JObject document)
    {
        var parameters = new List<JObject>();
        if (document["components"]?["parameters"] is JObject shared)
        {
            parameters.AddRange(shared.Properties().Select(p => p.Value).OfType<JObject>());
        }
        foreach (var (path, method, operation) in SpecDocument.Operations(document))
        {
            var own = (Json.Arr(operation, "parameters") ?? new JArray()).OfType<JObject>().ToList();
            parameters.AddRange(own);
            NameUniquely(document, $"{method.ToUpperInvariant()} {path}", own);
        }
        if (document["paths"] is JObject paths)
        {
            foreach (var item in paths.Properties().Select(p => p.Value).OfType<JObject>())
            {
                parameters.AddRange((Json.Arr(item, "parameters") ?? new JArray()).OfType<JObject>());
            }
        }
        foreach (var parameter in parameters.Where(p => Json.Str(p, "name") is not null && p["x-originalName"] is null))
        {
            parameter["x-originalName"] = Naming.Camel(Json.Str(parameter, "name")!);
        }
    }

    /// <summary>
    /// Two wire names can give one C# name (<c>frontendApi</c> and <c>frontend_api</c>); the deprecated one
    /// then becomes <c>...Deprecated</c>. Anything else that still collides fails the build.
    /// </summary>
    private static void NameUniquely(JObject document, string label, List<JObject> parameters)
    {
        var named = parameters.Select(p => Json.Ref(p) is { } r ? Resolve(document, r) : p).Where(p => p is not null && Json.Str(p, "name") is not null).ToList();
        foreach (var group in named.GroupBy(p => Naming.Camel(Json.Str(p!, "name")!)).Where(g => g.Count() > 1))
        {
            var deprecated = group.Where(p => p!.Value<bool?>("deprecated") == true).ToList();
            if (group.Count() - deprecated.Count > 1)
            {
                throw new SpecToolException($"{label}: parameters {string.Join(", ", group.Select(p => Json.Str(p!, "name")))} all become '{group.Key}'; rename one in an overlay (x-originalName)");
            }
            foreach (var parameter in deprecated) parameter!["x-originalName"] = group.Key + "Deprecated";
        }
    }

    private static JObject? Resolve(JObject document, string reference) =>
        reference.StartsWith("#/components/parameters/", System.StringComparison.Ordinal)
            ? document["components"]?["parameters"]?[reference["#/components/parameters/".Length..]] as JObject
            : null;
}
