using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Finds the list operations (a GET with <c>limit</c> and <c>offset</c> query parameters whose 200 response is an
/// array of items, or an object with an items array and usually <c>total_count</c>), marks each with
/// <see cref="Extension"/> and renames its generated wire-shaped method with a <c>Raw</c> suffix
/// (<c>Users_List</c> → <c>Users_ListRaw</c>). <see cref="PagingWriter"/> then writes, under the operation's own
/// name, the page form (<c>ListAsync</c> → <c>ClerkPage&lt;T&gt;</c>) and the all-pages form
/// (<c>ListAllAsync</c> → <c>IAsyncEnumerable&lt;T&gt;</c>).
/// <para>
/// Names: the page form <c>GetX</c> → <c>ListX</c> (<see cref="PageName"/>); the all-pages form <c>List</c> → <c>ListAll</c>, <c>ListX</c> / <c>GetX</c> → <c>ListAllX</c>, anything else <c>M</c> →
/// <c>ListAllM</c>; an overlay can set <see cref="AllNameExtension"/> on the operation to choose the name itself.
/// A generated name that is already taken on its client fails the build (rename one operation in an overlay).
/// </para>
/// </summary>
public static class ListOperations
{
    /// <summary>The marker on each list operation of the normalized spec (read by <see cref="PagingWriter"/> and the tests).</summary>
    public const string Extension = "x-clerk-list";

    /// <summary>An overlay sets this on an operation to name its all-pages form (e.g. <c>listAllOAuthAccessTokens</c>).</summary>
    public const string AllNameExtension = "x-clerk-list-all-name";

    /// <summary>Suffix of the wire-shaped method the page and all-pages forms call.</summary>
    public const string RawSuffix = "Raw";

    private const string LimitParameter = "limit";
    private const string OffsetParameter = "offset";

    /// <summary>Marks every list operation; returns how many there are.</summary>
    public static int Apply(JObject document)
    {
        var found = new List<(string Label, string Resource, string Method, JObject Operation, JObject Marker)>();
        foreach (var (path, method, operation) in SpecNormalizer.Operations(document))
        {
            if (method != "get") continue;
            var label = $"GET {path}";
            var parameters = ResolvedParameters(document, operation, document["paths"]?[path] as JObject);
            var limit = parameters.FirstOrDefault(p => Json.Str(p, "in") == "query" && Json.Str(p, "name") == LimitParameter);
            var offset = parameters.FirstOrDefault(p => Json.Str(p, "in") == "query" && Json.Str(p, "name") == OffsetParameter);
            if (limit is null || offset is null) continue;
            var operationId = Json.Str(operation, "operationId")!;
            var marker = Describe(document, operation, label);
            if (marker is null)
            {
                Console.WriteLine($"Clerk.SpecTool: note: {label} ({operationId}) takes limit/offset but its 200 response is neither an array nor an object with an items array; it gets no ListAsync/ListAllAsync form");
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
            var separator = operationId.IndexOf('_', StringComparison.Ordinal);
            var resource = operationId[..separator];
            var name = PageName(operationId[(separator + 1)..]);
            marker["method"] = name;
            marker["allMethod"] = Json.Str(operation, AllNameExtension) is { Length: > 0 } chosen ? Naming.Pascal(chosen) : AllName(name);
            marker["rawMethod"] = name + RawSuffix;
            found.Add((label, resource, name, operation, marker));
        }

        CheckCollisions(document, found.Select(f => (f.Label, f.Resource, f.Marker)).ToList());

        foreach (var (_, resource, name, operation, marker) in found)
        {
            operation["operationId"] = $"{resource}_{name}{RawSuffix}";
            operation[Extension] = marker;
            operation.Remove(AllNameExtension);
            var note = $"The response as Clerk sends it. `{name}Async` returns the same page as a `ClerkPage<T>`; `{(string)marker["allMethod"]!}Async` iterates every page.";
            operation["description"] = Json.Str(operation, "description") is { Length: > 0 } description ? description + "\n\n" + note : note;
        }
        return found.Count;
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

    /// <summary><c>List</c> → <c>ListAll</c>; <c>ListPending</c> → <c>ListAllPending</c>; <c>GetOrganizationMemberships</c> → <c>ListAllOrganizationMemberships</c>.</summary>
    public static string AllName(string method)
    {
        foreach (var verb in new[] { "List", "Get" })
        {
            if (method == verb) return "ListAll";
            if (method.StartsWith(verb, StringComparison.Ordinal) && char.IsUpper(method[verb.Length])) return "ListAll" + method[verb.Length..];
        }
        return "ListAll" + method;
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
        var resolved = Json.Resolve(document, schema) ?? schema;
        if (Json.Str(resolved, "type") == "array")
        {
            return new JObject { ["shape"] = "array", ["itemType"] = ItemType(document, resolved, label) };
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
        };
        marker["totalProperty"] = properties["total_count"] is JObject total ? DotNetName(total, "total_count") : JValue.CreateNull();
        return marker;
    }

    private static string DotNetName(JObject property, string wireName) => Json.Str(property, PropertyNaming.Extension) ?? Naming.Pascal(wireName);

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
        return PagingWriter.PrimitiveType(items) ?? throw new SpecToolException($"{label}: the list items are an inline {Json.Str(items, "type") ?? "schema"}; name them (the inline schema lifter or an overlay)");
    }

    /// <summary>
    /// Every C# method name of a client must stay unique after the page and all-pages forms are added: the raw methods,
    /// the page forms (the operations' own names) and the all-pages forms.
    /// </summary>
    private static void CheckCollisions(JObject document, List<(string Label, string Resource, JObject Marker)> lists)
    {
        var owners = new Dictionary<(string Resource, string Method), List<string>>();
        void Claim(string resource, string method, string owner)
        {
            if (!owners.TryGetValue((resource, method), out var list)) owners[(resource, method)] = list = [];
            list.Add(owner);
        }
        var listIds = lists.Select(l => $"{l.Resource}_{(string)l.Marker["method"]!}").ToHashSet(StringComparer.Ordinal);
        foreach (var (path, method, operation) in SpecNormalizer.Operations(document))
        {
            var id = Json.Str(operation, "operationId")!;
            if (listIds.Contains(id)) continue;
            var separator = id.IndexOf('_', StringComparison.Ordinal);
            Claim(id[..separator], id[(separator + 1)..], $"the operation {id} ({method.ToUpperInvariant()} {path})");
        }
        foreach (var (label, resource, marker) in lists)
        {
            var name = (string)marker["method"]!;
            Claim(resource, (string)marker["rawMethod"]!, $"the wire-shaped form of {resource}_{name} ({label})");
            Claim(resource, name, $"the page form of {resource}_{name} ({label})");
            Claim(resource, (string)marker["allMethod"]!, $"the all-pages form of {resource}_{name} ({label})");
        }
        var clashes = owners.Where(o => o.Value.Count > 1)
            .Select(o => $"{o.Key.Resource}.{o.Key.Method}Async would be both {string.Join(" and ", o.Value)}")
            .ToList();
        if (clashes.Count > 0)
        {
            throw new SpecToolException(
                $"list operations: {string.Join("; ", clashes)}. Rename one of the operations in an overlay (x-speakeasy-name-override), " +
                $"or name the all-pages form with {AllNameExtension} (see openapi/overlays/bapi/40-list-names.yaml)");
        }
    }
}
