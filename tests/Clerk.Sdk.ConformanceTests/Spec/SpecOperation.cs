using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.ConformanceTests.Spec;

/// <summary>One operation: <c>Users_List</c> is <c>GET /users</c>, called as <c>clerk.Users.ListAsync</c>. <see cref="Security"/> is its own security (null: the document's).</summary>
internal sealed record SpecOperation(
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

    public override string ToString() => $"{Id} ({Method.ToUpperInvariant()} {Path})";
}
