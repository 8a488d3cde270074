using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace Clerk.Http;

/// <summary>
/// Finds the <see cref="ClerkOperationTraits"/> of a request: its operation by method and path template (the same
/// matching as logs and traces, <see cref="ClerkOperationCatalog"/>), then that operation's row of the traits table.
/// One per facade (base URL and API).
/// </summary>
internal sealed class ClerkOperationTraitTable
{
    private readonly ClerkOperationCatalog _catalog;
    private readonly Dictionary<(string Method, string Template), ClerkOperationTraits> _traits;

    public ClerkOperationTraitTable(
        Uri baseUrl,
        IEnumerable<(string Method, string Template, string Resource, string Operation)> operations,
        IEnumerable<(string Method, string Template, string? Credentials, string? RequestMediaType, string? ResultMediaType, bool Redirect, bool EmptyBody)> traits)
    {
        _catalog = new ClerkOperationCatalog(baseUrl, operations);
        _traits = traits.ToDictionary(t => (t.Method, t.Template), t => new ClerkOperationTraits(t.Credentials, t.RequestMediaType, t.ResultMediaType, t.Redirect, t.EmptyBody));
    }

    /// <summary>The traits of the request's operation, or null for a request outside the spec.</summary>
    public ClerkOperationTraits? Find(HttpRequestMessage request) =>
        _catalog.Match(request) is { } match && _traits.TryGetValue((request.Method.Method, match.Template), out var traits) ? traits : null;
}
