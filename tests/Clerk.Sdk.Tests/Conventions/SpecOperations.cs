using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>
/// One operation of the normalized spec: <c>GET /users</c> named <c>Users_List</c>; a list operation also carries
/// the names of its paging forms (<see cref="List"/>, from the spec tool's <c>x-clerk-list</c> marker).
/// </summary>
public sealed record SpecOperation(string HttpMethod, string Path, string OperationId, SpecListForms? List = null)
{
    /// <summary>The resource part of <c>Resource_Method</c> (the ClerkClient property).</summary>
    public string Resource => OperationId[..OperationId.IndexOf('_', StringComparison.Ordinal)];

    /// <summary>The method part of <c>Resource_Method</c> (the client method without <c>Async</c>).</summary>
    public string Method => OperationId[(OperationId.IndexOf('_', StringComparison.Ordinal) + 1)..];

    public override string ToString() => $"{OperationId} ({HttpMethod.ToUpperInvariant()} {Path})";
}

/// <summary>
/// The paging forms the spec tool generates for a list operation (<c>x-clerk-list</c>): the page form
/// <c>{Method}Async</c>, which returns a pageable of <c>ItemType</c> paged by <c>Paging</c> (cursor or offset).
/// </summary>
public sealed record SpecListForms(string Method, string ItemType, string Shape, string Paging);

/// <summary>Reads the operations of the normalized spec the build produced; the spec, not the test, defines the count.</summary>
internal static class SpecOperations
{
    /// <summary>The HTTP methods an OpenAPI 3 path item can hold (other keys are parameters, servers, summary, ...).</summary>
    public static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];

    private static readonly Lazy<IReadOnlyList<SpecOperation>> LazyAll = new(Load);

    /// <summary>Every operation (paths x HTTP methods) in document order. Throws with a clear message when the spec is missing.</summary>
    public static IReadOnlyList<SpecOperation> All => LazyAll.Value;

    private static IReadOnlyList<SpecOperation> Load()
    {
        var path = RepoPaths.NormalizedBackendApiSpec;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The normalized Backend API spec is missing: {path}. It is written by the Clerk.Sdk build " +
                "(build/Clerk.CodeGen.targets); run 'dotnet build src/Clerk.Sdk' first.", path);
        }
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        if (!document.RootElement.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path} has no 'paths' object.");
        }
        var operations = new List<SpecOperation>();
        foreach (var pathItem in paths.EnumerateObject())
        {
            foreach (var member in pathItem.Value.EnumerateObject())
            {
                if (!HttpMethods.Contains(member.Name, StringComparer.Ordinal))
                {
                    continue;
                }
                var id = member.Value.TryGetProperty("operationId", out var idElement) ? idElement.GetString() : null;
                operations.Add(new SpecOperation(member.Name, pathItem.Name, id ?? string.Empty, ListForms(member.Value)));
            }
        }
        return operations;
    }

    private static SpecListForms? ListForms(JsonElement operation)
    {
        if (!operation.TryGetProperty("x-clerk-list", out var marker) || marker.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        string Read(string name) => marker.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
        return new SpecListForms(Read("method"), Read("itemType"), Read("shape"), Read("paging"));
    }
}
