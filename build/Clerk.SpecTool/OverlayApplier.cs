using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Applies OpenAPI Overlay 1.0 documents (<c>overlay: 1.0.0</c>, <c>actions[]</c> with a JSONPath
/// <c>target</c> and either <c>update</c> or <c>remove: true</c>) in file-name order.
/// </summary>
public static class OverlayApplier
{
    public static int ApplyDirectory(JObject document, string? directory)
    {
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
        {
            return 0;
        }
        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal);
        return files.Sum(file => Apply(document, YamlJson.Load(file), Path.GetFileName(file)));
    }

    public static int Apply(JObject document, JObject overlay, string name)
    {
        var version = overlay.Value<string>("overlay");
        if (version is null || !version.StartsWith("1.", StringComparison.Ordinal))
        {
            throw new SpecToolException($"overlay {name}: 'overlay: 1.x' is required (got '{version}')");
        }
        if (overlay["actions"] is not JArray actions)
        {
            throw new SpecToolException($"overlay {name}: 'actions' must be a list");
        }
        var count = 0;
        foreach (var action in actions.OfType<JObject>())
        {
            var target = action.Value<string>("target") ?? throw new SpecToolException($"overlay {name}: an action has no target");
            JToken[] nodes;
            try
            {
                nodes = document.SelectTokens(target).ToArray();
            }
            catch (JsonException ex)
            {
                throw new SpecToolException($"overlay {name}: target '{target}' is not valid JSONPath: {ex.Message}");
            }
            if (nodes.Length == 0)
            {
                // Fatal: a fix that no longer applies (after a spec bump) must be looked at, not silently dropped.
                throw new SpecToolException($"overlay {name}: target '{target}' matches nothing in this spec; update or remove the action (a spec bump may have fixed or moved what it fixed)");
            }
            foreach (var node in nodes)
            {
                if (action.Value<bool?>("remove") == true)
                {
                    Remove(node);
                }
                else if (action["update"] is { } update)
                {
                    Update(node, update);
                }
            }
            count++;
        }
        return count;
    }

    private static void Remove(JToken node)
    {
        if (node.Parent is JProperty property)
        {
            property.Remove();
        }
        else
        {
            node.Remove();
        }
    }

    private static void Update(JToken node, JToken update)
    {
        switch (node)
        {
            case JObject target when update is JObject patch:
                Merge(target, patch);
                break;
            case JArray array when update is JArray items:
                foreach (var item in items) array.Add(item.DeepClone());
                break;
            case JArray array:
                array.Add(update.DeepClone());
                break;
            default:
                node.Replace(update.DeepClone());
                break;
        }
    }

    private static void Merge(JObject target, JObject patch)
    {
        foreach (var property in patch.Properties())
        {
            if (target[property.Name] is JObject existing && property.Value is JObject nested)
            {
                Merge(existing, nested);
            }
            else
            {
                target[property.Name] = property.Value.DeepClone();
            }
        }
    }
}
