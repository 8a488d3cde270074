using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace Clerk.Http;

/// <summary>
/// Names a request by its operation and path template (<c>Users.Get GET /users/{user_id}</c>) from the table the spec
/// tool generates, so logs and traces never carry ids or query values.
/// </summary>
internal sealed class ClerkOperationCatalog
{
    private readonly string _basePath;
    private readonly Dictionary<string, List<Route>> _byMethod;

    public ClerkOperationCatalog(Uri baseUrl, IEnumerable<(string Method, string Template, string Resource, string Operation)> rows)
    {
        _basePath = baseUrl.AbsolutePath.TrimEnd('/');
        _byMethod = rows
            .Select(r => new Route(r.Method, r.Template, r.Resource, r.Operation, r.Template.Trim('/').Split('/')))
            .GroupBy(r => r.Method, StringComparer.Ordinal)
            // Literal segments win over parameters: /users/count before /users/{user_id}.
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Segments.Count(s => s.StartsWith('{'))).ToList(), StringComparer.Ordinal);
    }

    /// <summary>The matching operation, or null for a request outside the spec.</summary>
    public (string Resource, string Operation, string Template)? Match(HttpRequestMessage request)
    {
        var path = request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? "";
        if (_basePath.Length > 0 && path.StartsWith(_basePath, StringComparison.Ordinal)) path = path[_basePath.Length..];
        var segments = path.Trim('/').Split('/');
        if (!_byMethod.TryGetValue(request.Method.Method, out var routes)) return null;
        foreach (var route in routes)
        {
            if (route.Segments.Length != segments.Length) continue;
            var matches = true;
            for (var i = 0; i < segments.Length && matches; i++)
            {
                matches = route.Segments[i].StartsWith('{') || string.Equals(route.Segments[i], segments[i], StringComparison.Ordinal);
            }
            if (matches) return (route.Resource, route.Operation, route.Template);
        }
        return null;
    }

    /// <summary>A log-safe description: <c>Users.Get GET /users/{user_id}</c>, or the method and a redacted path.</summary>
    public string Describe(HttpRequestMessage request) =>
        Match(request) is { } match ? $"{match.Resource}.{match.Operation} {request.Method.Method} {match.Template}" : $"{request.Method.Method} (path outside the Clerk spec)";

    private sealed record Route(string Method, string Template, string Resource, string Operation, string[] Segments);
}
