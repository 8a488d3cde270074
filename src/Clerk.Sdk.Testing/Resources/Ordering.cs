using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Testing.Errors;
using Clerk.Testing.Hosting;

namespace Clerk.Testing.Resources;

/// <summary>
/// Clerk's <c>order_by</c>: a field name with an optional <c>+</c> (ascending, the default) or <c>-</c> (descending)
/// prefix; nulls sort last ascending; ties keep creation order. An unknown field is a 422 <c>form_param_value_invalid</c>.
/// </summary>
internal static class Ordering
{
    public static IEnumerable<T> Apply<T>(IEnumerable<T> items, FakeCall call, string? fallback, Func<T, string> id, IReadOnlyDictionary<string, Func<T, IComparable?>> fields)
    {
        var orderBy = call.Query("order_by") ?? fallback;
        if (string.IsNullOrEmpty(orderBy))
        {
            return items.OrderBy(i => call.Store.OrderOf(id(i)));
        }
        var descending = orderBy[0] == '-';
        var field = orderBy.TrimStart('-', '+');
        if (!fields.TryGetValue(field, out var key))
        {
            throw Faults.Unprocessable(Faults.ValueInvalid("order_by", "must be one of " + string.Join(", ", fields.Keys) + ", optionally prefixed with + or -."));
        }
        var comparer = Comparer<T>.Create((a, b) =>
        {
            var result = CompareNullsLast(key(a), key(b));
            return result != 0 ? result : call.Store.OrderOf(id(a)).CompareTo(call.Store.OrderOf(id(b)));
        });
        return descending ? items.OrderByDescending(i => i, comparer) : items.OrderBy(i => i, comparer);
    }

    private static int CompareNullsLast(IComparable? a, IComparable? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => a is string sa && b is string sb ? string.Compare(sa, sb, StringComparison.OrdinalIgnoreCase) : a.CompareTo(b),
    };
}
