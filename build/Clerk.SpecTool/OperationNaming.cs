using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Gives every operation a <c>Resource_Method</c> operationId (NSwag: one client per resource, one method per
/// operation) from Clerk's own <c>x-speakeasy-group</c> / <c>x-speakeasy-name-override</c>; operations without
/// them must be named in an overlay. Tags become the resource name, which is always a valid identifier.
/// The original operationId is kept in <c>x-clerk-operation</c> (it names inline request/response types).
/// </summary>
public static class OperationNaming
{
    public static void Apply(JObject document)
    {
        var descriptions = (Json.Arr(document, "tags") ?? new JArray()).OfType<JObject>()
            .Where(t => Json.Str(t, "name") is not null)
            .ToDictionary(t => Json.Str(t, "name")!, t => Json.Str(t, "description"), StringComparer.Ordinal);
        var resourceDescriptions = new Dictionary<string, string?>(StringComparer.Ordinal);
        var missing = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, method, operation) in SpecNormalizer.Operations(document))
        {
            // Clerk's own SDK names first; else the first tag and the operationId (the Frontend API has few
            // speakeasy names), else the first path segment for an untagged operation.
            var group = Json.Str(operation, "x-speakeasy-group")
                        ?? (Json.Arr(operation, "tags") ?? new JArray()).Select(t => t.ToString()).FirstOrDefault()
                        ?? FirstSegment(path);
            var name = Json.Str(operation, "x-speakeasy-name-override") ?? Json.Str(operation, "operationId");
            var label = $"{method.ToUpperInvariant()} {path}";
            if (string.IsNullOrEmpty(group) || string.IsNullOrEmpty(name))
            {
                missing.Add($"{label} ({Json.Str(operation, "operationId")})");
                continue;
            }
            var resource = Naming.Pascal(group);
            var id = $"{resource}_{Naming.Pascal(name)}";
            if (seen.TryGetValue(id, out var other))
            {
                throw new SpecToolException($"operations '{other}' and '{label}' both map to {id}: override one name in an overlay");
            }
            seen[id] = label;
            var original = Json.Str(operation, "operationId") ?? id.Replace("_", "", StringComparison.Ordinal);
            operation["x-clerk-operation"] = Naming.Pascal(original);
            operation["operationId"] = id;
            var originalTag = (Json.Arr(operation, "tags") ?? new JArray()).Select(t => t.ToString()).FirstOrDefault();
            if (!resourceDescriptions.ContainsKey(resource) || resourceDescriptions[resource] is null)
            {
                resourceDescriptions[resource] = originalTag is null ? null : descriptions.GetValueOrDefault(originalTag);
            }
            operation["tags"] = new JArray(resource);
        }
        if (missing.Count > 0)
        {
            throw new SpecToolException($"{missing.Count} operation(s) have neither x-speakeasy-group/x-speakeasy-name-override nor tags/operationId; name them in an overlay under openapi/overlays: {string.Join(", ", missing)}");
        }
        document["tags"] = new JArray(resourceDescriptions.Keys.Order(StringComparer.Ordinal).Select(resource =>
        {
            var tag = new JObject { ["name"] = resource };
            if (resourceDescriptions[resource] is { } description) tag["description"] = description;
            return tag;
        }));
    }

    private static string? FirstSegment(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => !(s.Length > 1 && s[0] == 'v' && s[1..].All(char.IsDigit)) && !s.StartsWith('{'));
}
