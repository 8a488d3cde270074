using System;
using System.Net.Http;

namespace Clerk.Http;

/// <summary>Reads <c>Retry-After</c>: delta-seconds or an HTTP date; invalid or negative values are ignored.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header is null)
        {
            // HttpHeaders drops a value it cannot parse (e.g. "-5"); nothing to honour then.
            return null;
        }
        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? null : delta;
        }
        if (header.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
