using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Clerk.Testing.Hosting;

/// <summary>Query helpers.</summary>
internal static class QueryExtensions
{
    /// <summary>The query as a dictionary (names compared as sent).</summary>
    public static IReadOnlyDictionary<string, StringValues> ToDictionary(this IQueryCollection query)
    {
        var map = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var pair in query)
        {
            map[pair.Key] = pair.Value;
        }
        return map;
    }
}
