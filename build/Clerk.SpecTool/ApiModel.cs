using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>How an operation's result is read (mirrors <c>Clerk.Http.ClerkResultKind</c>).</summary>
public enum ApiResultKind
{
    /// <summary>No content.</summary>
    None,

    /// <summary>A JSON body.</summary>
    Json,

    /// <summary>A body that is not JSON.</summary>
    Text,

    /// <summary>A redirect (<see cref="SpecExtensions.Redirect"/>).</summary>
    Redirect,
}

/// <summary>The paging of a list operation (<see cref="ListOperations"/>).</summary>
public sealed record ApiPaging(bool Cursor, long DefaultLimit, long? MaxLimit, bool Paginated);

/// <summary>One operation as the projections need it, read once from the normalized document.</summary>
public sealed record ApiOperation(
    string Id,
    string Resource,
    string Name,
    string HttpMethod,
    string Path,
    string? Credentials,
    string? RequestMediaType,
    string? ResultMediaType,
    ApiResultKind ResultKind,
    bool EmptyBody,
    ApiPaging? Paging);

/// <summary>One resource (tag): a client class and a facade property.</summary>
public sealed record ApiResource(string Name, string? Summary);

/// <summary>
/// The typed model of a normalized API that the C# projections are written from (<see cref="FacadeWriter"/>,
/// <see cref="OperationTableWriter"/>): its resources in the document's order and its operations in path order, each
/// read once and checked (an operationId that is not <c>Resource_Method</c> fails the build here).
/// </summary>
public sealed record ApiModel(IReadOnlyList<ApiResource> Resources, IReadOnlyList<ApiOperation> Operations)
{
    /// <summary>Reads the model from a normalized document.</summary>
    public static ApiModel From(JObject document)
    {
        var resources = (Json.Arr(document, "tags") ?? [])
            .OfType<JObject>()
            .Select(tag => new ApiResource(
                Json.Str(tag, "name") ?? throw new SpecToolException("a tag has no name"),
                Json.Str(tag, "description")?.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim()))
            .ToList();
        var operations = SpecDocument.Operations(document)
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)
            .Select(o => Operation(document, o.Path, o.Method, o.Operation))
            .ToList();
        return new ApiModel(resources, operations);
    }

    private static ApiOperation Operation(JObject document, string path, string method, JObject operation)
    {
        var id = Json.Str(operation, "operationId") ?? throw new SpecToolException($"{method} {path} has no operationId");
        var underscore = id.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new SpecToolException($"{method.ToUpperInvariant()} {path}: operationId '{id}' is not Resource_Method (the descriptor is named after it)");
        }
        var result = ResultMediaType(document, operation);
        var kind = operation[SpecExtensions.Redirect]?.Value<bool>() == true ? ApiResultKind.Redirect
            : result is null ? ApiResultKind.None
            : IsJson(result) ? ApiResultKind.Json
            : ApiResultKind.Text;
        return new ApiOperation(
            id,
            id[..underscore],
            id[(underscore + 1)..],
            method.ToUpperInvariant(),
            path,
            Json.Str(operation, SpecExtensions.Credentials),
            RequestMediaType(operation),
            result,
            kind,
            operation[SpecExtensions.EmptyBody]?.Value<bool>() == true,
            Paging(operation));
    }

    private static ApiPaging? Paging(JObject operation) =>
        operation[SpecExtensions.List] is JObject list
            ? new ApiPaging(
                Json.Str(list, "paging") == "cursor",
                (long)list["defaultLimit"]!,
                list["maxLimit"] is JValue { Type: JTokenType.Integer } max ? (long)max : null,
                list.Value<bool>("paginated"))
            : null;

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The form's media type (<c>consumes</c>, written by <see cref="FormParameters"/>), else the body's first one.</summary>
    private static string? RequestMediaType(JObject operation) =>
        (operation["consumes"] as JArray)?.FirstOrDefault()?.Value<string>()
        ?? (operation["requestBody"]?["content"] as JObject)?.Properties().FirstOrDefault()?.Name;

    /// <summary>The media type of the first success response with content.</summary>
    private static string? ResultMediaType(JObject document, JObject operation) =>
        (operation["responses"] as JObject)?.Properties()
            .Where(r => r.Name.StartsWith('2') && r.Value is JObject)
            .Select(r => (Json.ResolveResponse(document, (JObject)r.Value)["content"] as JObject)?.Properties().FirstOrDefault()?.Name)
            .FirstOrDefault(m => m is not null);
}
