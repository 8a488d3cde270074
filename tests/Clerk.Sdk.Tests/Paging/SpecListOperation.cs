using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Clerk.Sdk.Tests.Conventions;
using Clerk.Sdk.TestKit.Spec;

namespace Clerk.Sdk.Tests.Paging;

/// <summary>
/// A list operation of the normalized spec, found from the spec's structure alone (independently of the spec tool's
/// marker, which <see cref="Marker"/> carries for comparison): a GET with <c>limit</c> and <c>offset</c> query
/// parameters (own or <c>$ref</c> to components.parameters) whose 200 response (own or <c>$ref</c> to
/// components.responses) is an array of items, or an object with a <c>data</c> array (or one other array beside
/// <c>total_count</c>).
/// </summary>
public sealed record SpecListOperation(string OperationId, string Path, string Shape, string ItemType, long? MaxLimit, SpecListForms? Marker, bool TakesStartingAfter = false)
{
    /// <summary>The resource part of the operationId (the ClerkClient property).</summary>
    public string Resource => OperationId[..OperationId.IndexOf('_', StringComparison.Ordinal)];

    public override string ToString() => $"{OperationId} (GET {Path})";

    /// <summary>Every list operation of the normalized spec at <paramref name="specPath"/>, in document order.</summary>
    public static IReadOnlyList<SpecListOperation> FindAll(string specPath)
    {
        if (!File.Exists(specPath))
        {
            throw new FileNotFoundException($"The normalized Backend API spec is missing: {specPath}; run 'dotnet build src/Clerk.Sdk' first.", specPath);
        }
        using var document = JsonDocument.Parse(File.ReadAllBytes(specPath));
        var root = document.RootElement;
        var markers = SpecOperations.All.Where(o => o.List is not null).ToDictionary(o => o.Id, o => o.List, StringComparer.Ordinal);
        var result = new List<SpecListOperation>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var operation)) continue;
            var parameters = Parameters(root, operation).Concat(Parameters(root, path.Value)).ToList();
            var limit = parameters.FirstOrDefault(p => Str(p, "in") == "query" && Str(p, "name") == "limit");
            var hasOffset = parameters.Any(p => Str(p, "in") == "query" && Str(p, "name") == "offset");
            if (limit.ValueKind != JsonValueKind.Object || !hasOffset) continue;
            if (ResponseShape(root, operation) is not { } shape) continue;
            var id = operation.GetProperty("operationId").GetString()!;
            long? max = limit.TryGetProperty("schema", out var schema) && schema.TryGetProperty("maximum", out var maximum) ? maximum.GetInt64() : null;
            var startingAfter = parameters.Any(p => Str(p, "in") == "query" && Str(p, "name") == "starting_after");
            result.Add(new SpecListOperation(id, path.Name, shape.Shape, shape.ItemType, max, markers.GetValueOrDefault(id), startingAfter));
        }
        return result;
    }

    private static IEnumerable<JsonElement> Parameters(JsonElement root, JsonElement holder) =>
        holder.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Select(p => Resolve(root, p)).ToList()
            : [];

    private static (string Shape, string ItemType)? ResponseShape(JsonElement root, JsonElement operation)
    {
        if (!operation.TryGetProperty("responses", out var responses) || !responses.TryGetProperty("200", out var ok)) return null;
        ok = Resolve(root, ok);
        if (!ok.TryGetProperty("content", out var content) || !content.TryGetProperty("application/json", out var json) || !json.TryGetProperty("schema", out var schema)) return null;
        schema = Resolve(root, schema);
        if (Str(schema, "type") == "array") return ("array", ItemName(root, schema));
        if (!schema.TryGetProperty("properties", out var properties)) return null;
        var arrays = properties.EnumerateObject().Where(p => Str(Resolve(root, p.Value), "type") == "array").ToList();
        var items = arrays.Where(p => p.Name == "data").Concat(arrays.Count == 1 && properties.TryGetProperty("total_count", out _) ? arrays : []).ToList();
        return items.Count == 0 ? null : ("data", ItemName(root, Resolve(root, items[0].Value)));
    }

    private static string ItemName(JsonElement root, JsonElement array)
    {
        var items = array.GetProperty("items");
        if (items.TryGetProperty("$ref", out var reference)) return reference.GetString()![(reference.GetString()!.LastIndexOf('/') + 1)..];
        return Str(items, "type") ?? throw new InvalidDataException($"unnamed inline items: {items}");
    }

    /// <summary>Follows a local <c>$ref</c> (<c>#/components/...</c>) to its target.</summary>
    private static JsonElement Resolve(JsonElement root, JsonElement node)
    {
        while (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var reference))
        {
            var target = root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part);
            }
            node = target;
        }
        return node;
    }

    private static string? Str(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
