using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.TestKit.Spec;

/// <summary>One operation: <c>Users_List</c> is <c>GET /users</c>, called as <c>clerk.Users.ListAsync</c>. <see cref="Security"/> is its own security (null: the document's).</summary>
public sealed record SpecOperation(
    string Id,
    string Method,
    string Path,
    IReadOnlyList<SpecParameter> Parameters,
    JObject? RequestBody,
    IReadOnlyList<string> ResponseCodes,
    JArray? Security = null)
{
    /// <summary>The <c>ClerkClient</c> property (the part before <c>_</c>).</summary>
    public string Resource => Id[..Id.IndexOf('_', StringComparison.Ordinal)];

    /// <summary>The client method without <c>Async</c> (the part after <c>_</c>).</summary>
    public string MethodName => Id[(Id.IndexOf('_', StringComparison.Ordinal) + 1)..];

    public IEnumerable<string> QueryNames => Parameters.Where(p => p.In == "query").Select(p => p.Name);

    /// <summary>The request body's media type and schema (the first media type), or null.</summary>
    public (string MediaType, JObject Schema)? Body =>
        RequestBody?["content"] is JObject content && content.Properties().FirstOrDefault() is { Value: JObject media } first && media["schema"] is JObject schema
            ? (first.Name, schema)
            : null;

    public bool BodyRequired => (bool?)RequestBody?["required"] == true;

    /// <summary>For a list operation, the paging forms the spec tool generated (<c>x-clerk-list</c>); null otherwise.</summary>
    public SpecListForms? List { get; init; }

    public override string ToString() => $"{Id} ({Method.ToUpperInvariant()} {Path})";
}

/// <summary>
/// The paging forms the spec tool generates for a list operation (<c>x-clerk-list</c>): the page form
/// <c>{Method}Async</c>, which returns a pageable of <c>ItemType</c> paged by <c>Paging</c> (cursor or offset).
/// </summary>
public sealed record SpecListForms(string Method, string ItemType, string Shape, string Paging);
