using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Finds the list operations (a GET with <c>limit</c> and <c>offset</c> query parameters whose 200 response is an
/// array of items, or an object with an items array and usually <c>total_count</c>) and marks each with
/// <see cref="SpecExtensions.List"/>: the item type, the paging kind (<c>cursor</c> where the operation also takes
/// <c>starting_after</c> and the items have an <c>id</c>; <c>offset</c> elsewhere), whether it takes <c>paginated</c>
/// (which turns a bare array into <c>{data, total_count}</c>), the API's default and maximum <c>limit</c>, and the
/// orderings a cursor allows (<see cref="SpecExtensions.CursorOrderBy"/>, from an overlay). The client template gives such
/// an operation one method that returns a <c>Clerk.ClerkPageable&lt;T&gt;</c> (paging parameters are the pageable's,
/// not the method's); the descriptor carries the paging (<see cref="OperationTableWriter"/>). A list operation named
/// <c>GetX</c> reads <c>ListX</c> (<see cref="PageName"/>).
/// </summary>
public static class ListOperations
{
    private const string LimitParameter = "limit";
    private const string OffsetParameter = "offset";
    private const string CursorParameter = "starting_after";
    private const string PaginatedParameter = "paginated";

    /// <summary>Marks every list operation; returns how many there are.</summary>
    public static int Apply(JObject document)
    {
        var found = new List<(string Label, string Resource, string Method, JObject Operation, JObject Marker)>();
        foreach (var (path, method, operation) in SpecDocument.Operations(document))
        {
            if (method != "get") continue;
            var label = $"GET {path}";
            var parameters = ResolvedParameters(document, operation, document["paths"]?[path] as JObject);
            JObject? Query(string name) => parameters.FirstOrDefault(p => Json.Str(p, "in") == "query" && Json.Str(p, "name") == name);
            var limit = Query(LimitParameter);
            var offset = Query(OffsetParameter);
            if (limit is null || offset is null) continue;
            var operationId = Json.Str(operation, "operationId")!;
            var marker = Describe(document, operation, label);
            if (marker is null)
            {
                Console.WriteLine($"Clerk.SpecTool: note: {label} ({operationId}) takes limit/offset but its 200 response is neither an array nor an object with an items array; it returns its response, not a pageable");
                continue;
            }
            var limitSchema = Json.Obj(limit, "schema") ?? new JObject();
            marker["defaultLimit"] = limitSchema["default"] is JValue { Type: JTokenType.Integer } defaultLimit
                ? defaultLimit
                : throw new SpecToolException($"{label} ({operationId}): the limit parameter has no integer default, so a page cannot know its size when none is given; set one in an overlay");
            if (limitSchema["maximum"] is JValue { Type: JTokenType.Integer or JTokenType.Float } maximum)
            {
                marker["maxLimit"] = (long)maximum;
            }
            var cursor = Query(CursorParameter) is not null && marker.Value<bool>("itemHasId");
            marker["paging"] = cursor ? "cursor" : "offset";
            marker["paginated"] = Query(PaginatedParameter) is not null;
            if (cursor && operation[SpecExtensions.CursorOrderBy] is JArray orderings)
            {
                marker["cursorOrderBy"] = orderings;
            }
            operation.Remove(SpecExtensions.CursorOrderBy);
            var separator = operationId.IndexOf('_', StringComparison.Ordinal);
            var resource = operationId[..separator];
            var name = PageName(operationId[(separator + 1)..]);
            marker["method"] = name;
            found.Add((label, resource, name, operation, marker));
        }

        CheckCollisions(document, found.Select(f => (f.Label, f.Resource, f.Marker)).ToList());

        foreach (var (_, resource, name, operation, marker) in found)
        {
            operation["operationId"] = $"{resource}_{name}";
            operation[SpecExtensions.List] = marker;
        }
        return found.Count;
    }

    /// <summary>
    /// For the mock document only: a list operation that takes <c>paginated</c> and is documented as a bare array also
    /// answers <c>{ "data": [...], "total_count": N }</c> (which the SDK asks for with <c>paginated=true</c>); its 200
    /// response becomes a <c>oneOf</c> of both shapes, the object first, so the mock server answers as Clerk does and
    /// the conformance suite reads that shape. The operation gets its own response (a shared one is not changed).
    /// </summary>
    /// <returns>How many operations got both shapes.</returns>
    public static int AddPaginatedShapes(JObject document)
    {
        var count = 0;
        foreach (var (_, _, operation) in SpecDocument.Operations(document))
        {
            if (operation[SpecExtensions.List] is not JObject marker || !marker.Value<bool>("paginated") || Json.Str(marker, "shape") != "array") continue;
            if (operation["responses"]?["200"] is not JObject declared) continue;
            var response = Json.ResolveResponse(document, declared);
            if (response["content"]?["application/json"]?["schema"] is not JObject array) continue;
            var paged = new JObject
            {
                ["type"] = "object",
                ["properties"] = new JObject
                {
                    ["data"] = array.DeepClone(),
                    ["total_count"] = new JObject { ["type"] = "integer", ["format"] = "int64" },
                },
                ["required"] = new JArray("data", "total_count"),
            };
            operation["responses"]!["200"] = new JObject
            {
                ["description"] = Json.Str(response, "description") ?? "OK",
                ["content"] = new JObject { ["application/json"] = new JObject { ["schema"] = new JObject { ["oneOf"] = new JArray(paged, array.DeepClone()) } } },
            };
            count++;
        }
        return count;
    }

    /// <summary>
    /// The page form's name: a list operation reads as one, so Clerk's <c>GetX</c> is <c>ListX</c>
    /// (<c>Users.GetOrganizationMemberships</c> → <c>Users.ListOrganizationMembershipsAsync</c>, beside
    /// <c>ListAllOrganizationMembershipsAsync</c>); any other name stays.
    /// </summary>
    public static string PageName(string method)
    {
        const string verb = "Get";
        if (method == verb) return "List";
        return method.StartsWith(verb, StringComparison.Ordinal) && method.Length > verb.Length && char.IsUpper(method[verb.Length]) ? "List" + method[verb.Length..] : method;
    }

    /// <summary>The parameters of an operation (its own and its path's), with <c>$ref</c>s to components.parameters resolved.</summary>
    public static List<JObject> ResolvedParameters(JObject document, JObject operation, JObject? pathItem)
    {
        var result = new List<JObject>();
        var own = (Json.Arr(operation, "parameters") ?? new JArray()).OfType<JObject>().Select(p => Resolve(document, p)).OfType<JObject>().ToList();
        var inherited = (pathItem is null ? new JArray() : Json.Arr(pathItem, "parameters") ?? new JArray()).OfType<JObject>().Select(p => Resolve(document, p)).OfType<JObject>();
        result.AddRange(own);
        // A path-level parameter applies unless the operation redefines it (same name and location).
        result.AddRange(inherited.Where(p => !own.Any(o => Json.Str(o, "name") == Json.Str(p, "name") && Json.Str(o, "in") == Json.Str(p, "in"))));
        return result;
    }

    private static JObject? Resolve(JObject document, JObject node)
    {
        const string prefix = "#/components/parameters/";
        return Json.Ref(node) is { } reference
            ? reference.StartsWith(prefix, StringComparison.Ordinal) ? document["components"]?["parameters"]?[reference[prefix.Length..]] as JObject : null
            : node;
    }

    /// <summary>The marker's shape fields for the operation's 200 response, or null when it is not a list response.</summary>
    private static JObject? Describe(JObject document, JObject operation, string label)
    {
        if (operation["responses"]?["200"] is not JObject response) return null;
        response = Json.ResolveResponse(document, response);
        if (response["content"]?["application/json"]?["schema"] is not JObject schema) return null;
        var marker = DescribeList(document, schema, label);
        if (marker is not null) return marker;
        // The Frontend API wraps a list with the client's state: { "response": <a list>, "client": {...} }.
        var resolved = Json.Resolve(document, schema) ?? schema;
        if (resolved["properties"] is JObject properties && properties["client"] is not null && properties["response"] is JObject inner)
        {
            marker = DescribeList(document, inner, label);
            if (marker is not null) marker["envelope"] = "response";
            return marker;
        }
        return null;
    }

    /// <summary>A bare array of items, or an object with an items array (and usually <c>total_count</c>); null for anything else.</summary>
    private static JObject? DescribeList(JObject document, JObject schema, string label)
    {
        var resolved = Json.Resolve(document, schema) ?? schema;
        if (Json.Str(resolved, "type") == "array")
        {
            return new JObject { ["shape"] = "array", ["itemType"] = ItemType(document, resolved, label), ["itemHasId"] = ItemHasId(document, resolved) };
        }
        if (resolved["properties"] is not JObject properties) return null;
        var arrays = properties.Properties()
            .Where(p => p.Value is JObject property && Json.Str(Json.Resolve(document, property) ?? property, "type") == "array")
            .ToList();
        // { "data": [...], "total_count": N }; or one other items array beside total_count ({ "m2m_tokens": [...], "total_count": N }).
        var items = arrays.FirstOrDefault(p => p.Name == "data") ?? (arrays.Count == 1 && properties["total_count"] is not null ? arrays[0] : null);
        if (items is null) return null;
        var responseType = Json.Ref(schema) is { } schemaRef ? schemaRef[(schemaRef.LastIndexOf('/') + 1)..] : null;
        if (responseType is null)
        {
            throw new SpecToolException($"{label}: the list response object is inline; it should have been named by the inline schema lifter");
        }
        var itemsSchema = (JObject)items.Value;
        var marker = new JObject
        {
            ["shape"] = "data",
            ["itemType"] = ItemType(document, Json.Resolve(document, itemsSchema) ?? itemsSchema, label),
            ["responseType"] = responseType,
            ["items"] = items.Name,
            ["itemsProperty"] = DotNetName(itemsSchema, items.Name),
            ["itemHasId"] = ItemHasId(document, Json.Resolve(document, itemsSchema) ?? itemsSchema),
        };
        marker["totalProperty"] = properties["total_count"] is JObject total ? DotNetName(total, "total_count") : JValue.CreateNull();
        return marker;
    }

    /// <summary>Whether the items of an array schema have a string <c>id</c> (a cursor names the last one read).</summary>
    private static bool ItemHasId(JObject document, JObject arraySchema) =>
        arraySchema["items"] is JObject items && (Json.Resolve(document, items) ?? items)["properties"]?["id"] is JObject id && Json.Str(Json.Resolve(document, id) ?? id, "type") == "string";

    private static string DotNetName(JObject property, string wireName) => Json.Str(property, SpecExtensions.Name) ?? Naming.Pascal(wireName);

    /// <summary>The C# type of one item of an array schema: a named schema, or a primitive.</summary>
    private static string ItemType(JObject document, JObject arraySchema, string label)
    {
        if (arraySchema["items"] is not JObject items)
        {
            throw new SpecToolException($"{label}: the list response array has no item schema");
        }
        if (Json.Ref(items) is { } reference)
        {
            return reference[(reference.LastIndexOf('/') + 1)..];
        }
        // The item type is the schema's name, which NSwag gives its class; typing anything else here would copy NSwag's rules.
        throw new SpecToolException($"{label}: the list items are an inline {Json.Str(items, "type") ?? "schema"}; name them (the inline schema lifter or an overlay)");
    }

    /// <summary>A list operation renamed <c>GetX</c> → <c>ListX</c> must not take the name of another operation of its client.</summary>
    private static void CheckCollisions(JObject document, List<(string Label, string Resource, JObject Marker)> lists)
    {
        var listIds = lists.ToDictionary(l => $"{l.Resource}_{(string)l.Marker["method"]!}", l => l.Label, StringComparer.Ordinal);
        foreach (var (path, method, operation) in SpecDocument.Operations(document))
        {
            var id = Json.Str(operation, "operationId")!;
            if (listIds.TryGetValue(id, out var label) && label != $"GET {path}")
            {
                throw new SpecToolException($"list operations: {label} reads {id.Replace('_', '.')}Async, which is already {method.ToUpperInvariant()} {path}; rename one of them in an overlay (x-speakeasy-name-override)");
            }
        }
    }
}
