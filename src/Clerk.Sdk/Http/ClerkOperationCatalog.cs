using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace Clerk.Http;

/// <summary>
/// Names a request by its operation and path template (<c>Users.Get GET /users/{user_id}</c>) from the table the spec
/// tool generates, so logs and traces never carry ids or query values. Matching allocates nothing (it runs on every
/// call); the description is a string built only when a log line or an exception needs it.
/// </summary>
internal sealed class ClerkOperationCatalog
{
    private readonly string _basePath;
    /// <summary>Routes by method, then by segment count (index), literal segments first.</summary>
    private readonly Dictionary<string, Route[][]> _byMethod;

    public ClerkOperationCatalog(Uri baseUrl, IEnumerable<(string Method, string Template, string Resource, string Operation)> rows)
    {
        _basePath = baseUrl.AbsolutePath.TrimEnd('/');
        _byMethod = rows
            .Select(r => new Route(r.Method, r.Template, r.Resource, r.Operation, r.Template.Trim('/').Split('/')))
            .GroupBy(r => r.Method, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => BySegmentCount(g), StringComparer.Ordinal);
    }

    /// <summary>The matching operation, or null for a request outside the spec.</summary>
    public (string Resource, string Operation, string Template)? Match(HttpRequestMessage request) =>
        Find(request) is { } route ? (route.Resource, route.Operation, route.Template) : null;

    /// <summary>A log-safe description: <c>Users.Get GET /users/{user_id}</c>, or the method and a redacted path.</summary>
    public string Describe(HttpRequestMessage request) =>
        Find(request) is { } match ? $"{match.Resource}.{match.Operation} {request.Method.Method} {match.Template}" : $"{request.Method.Method} (path outside the Clerk spec)";

    private Route? Find(HttpRequestMessage request)
    {
        if (!_byMethod.TryGetValue(request.Method.Method, out var byCount)) return null;
        var uri = request.RequestUri;
        var path = uri is null ? ReadOnlySpan<char>.Empty : uri.IsAbsoluteUri ? uri.AbsolutePath.AsSpan() : QueryLess(uri.OriginalString);
        if (_basePath.Length > 0 && path.StartsWith(_basePath, StringComparison.Ordinal)) path = path[_basePath.Length..];
        path = path.Trim('/');
        var segmentCount = path.Count('/') + 1;
        if (segmentCount >= byCount.Length) return null;
        foreach (var route in byCount[segmentCount])
        {
            if (Matches(route.Segments, path)) return route;
        }
        return null;
    }

    /// <summary>One method's routes indexed by segment count; literal segments win over parameters: /users/count before /users/{user_id}.</summary>
    private static Route[][] BySegmentCount(IEnumerable<Route> routes)
    {
        var list = routes.ToList();
        var byCount = new Route[list.Max(r => r.Segments.Length) + 1][];
        for (var count = 0; count < byCount.Length; count++)
        {
            byCount[count] = list.Where(r => r.Segments.Length == count).OrderBy(r => r.Segments.Count(s => s.StartsWith('{'))).ToArray();
        }
        return byCount;
    }

    private static bool Matches(string[] templateSegments, ReadOnlySpan<char> path)
    {
        foreach (var template in templateSegments)
        {
            var end = path.IndexOf('/');
            var segment = end < 0 ? path : path[..end];
            if (!template.StartsWith('{') && !segment.SequenceEqual(template)) return false;
            path = end < 0 ? ReadOnlySpan<char>.Empty : path[(end + 1)..];
        }
        return true;
    }

    private static ReadOnlySpan<char> QueryLess(string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? url : url.AsSpan(0, query);
    }

    private sealed record Route(string Method, string Template, string Resource, string Operation, string[] Segments);
}
