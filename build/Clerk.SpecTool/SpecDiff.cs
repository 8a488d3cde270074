using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Compares two normalized specs for the spec-bump report: operations added, removed and changed (parameters and
/// request/response types), with the breaking ones marked.
/// </summary>
public static class SpecDiff
{
    public static string Markdown(string oldPath, string newPath)
    {
        var before = Index(JObject.Parse(File.ReadAllText(oldPath)));
        var after = Index(JObject.Parse(File.ReadAllText(newPath)));
        var added = after.Keys.Except(before.Keys).Order(StringComparer.Ordinal).ToList();
        var removed = before.Keys.Except(after.Keys).Order(StringComparer.Ordinal).ToList();
        var changed = before.Keys.Intersect(after.Keys).Where(k => before[k] != after[k]).Order(StringComparer.Ordinal).ToList();
        var builder = new StringBuilder();
        builder.AppendLine($"Operations: {before.Count} → {after.Count} ({added.Count} added, {removed.Count} removed, {changed.Count} changed).");
        builder.AppendLine();
        Section(builder, "Added operations", added.Select(k => $"`{k}` {after[k].Route}"));
        Section(builder, "Removed operations (breaking)", removed.Select(k => $"`{k}` {before[k].Route}"));
        Section(builder, "Changed operations", changed.Select(k => $"`{k}`: {Describe(before[k], after[k])}"));
        return builder.ToString();
    }

    private static void Section(StringBuilder builder, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        builder.AppendLine($"### {title} ({list.Count})");
        foreach (var line in list) builder.AppendLine($"- {line}");
        if (list.Count == 0) builder.AppendLine("- none");
        builder.AppendLine();
    }

    private static string Describe(Signature before, Signature after)
    {
        var notes = new List<string>();
        if (before.Route != after.Route) notes.Add($"route {before.Route} → {after.Route} (breaking)");
        var removedParameters = before.Parameters.Except(after.Parameters).ToList();
        var addedParameters = after.Parameters.Except(before.Parameters).ToList();
        if (removedParameters.Count > 0) notes.Add($"parameters removed or changed: {string.Join(", ", removedParameters)} (breaking)");
        if (addedParameters.Count > 0)
        {
            var breaking = addedParameters.Any(p => p.EndsWith('!'));
            notes.Add($"parameters added: {string.Join(", ", addedParameters)}{(breaking ? " (breaking: required)" : "")}");
        }
        if (before.Body != after.Body) notes.Add($"request body {before.Body} → {after.Body}");
        if (before.Response != after.Response) notes.Add($"response {before.Response} → {after.Response} (breaking)");
        return string.Join("; ", notes);
    }

    private sealed record Signature(string Route, string Parameters0, string Body, string Response)
    {
        public IReadOnlyList<string> Parameters => Parameters0.Split(',', StringSplitOptions.RemoveEmptyEntries);
    }

    private static Dictionary<string, Signature> Index(JObject document)
    {
        var result = new Dictionary<string, Signature>(StringComparer.Ordinal);
        foreach (var (path, method, operation) in SpecDocument.Operations(document))
        {
            var id = Json.Str(operation, "operationId") ?? $"{method} {path}";
            var parameters = (Json.Arr(operation, "parameters") ?? new JArray()).OfType<JObject>()
                .Select(p => Json.Ref(p) is { } r ? document.SelectToken("$." + string.Join(".", r.TrimStart('#', '/').Split('/').Select(s => $"['{s}']"))) as JObject ?? p : p)
                .Select(p => $"{Json.Str(p, "name")}{(p.Value<bool?>("required") == true ? "!" : "")}")
                .Order(StringComparer.Ordinal);
            var body = operation.SelectToken("requestBody.content.*.schema") is JObject bodySchema ? TypeName(bodySchema) : "none";
            var response = (operation["responses"] as JObject)?.Properties().Select(r => r.Value.SelectToken("content.*.schema") is JObject s ? TypeName(s) : "none").FirstOrDefault() ?? "none";
            result[id] = new Signature($"{method.ToUpperInvariant()} {path}", string.Join(",", parameters), body, response);
        }
        return result;
    }

    private static string TypeName(JObject schema) =>
        Json.Ref(schema)?.Split('/').Last()
        ?? (Json.Str(schema, "type") == "array" && schema["items"] is JObject items ? TypeName(items) + "[]" : Json.Str(schema, "type") ?? "object");
}
