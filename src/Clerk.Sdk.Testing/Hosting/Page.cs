using System;
using System.Collections.Generic;
using System.Linq;

namespace Clerk.Testing.Hosting;

/// <summary>Paging as Clerk's list endpoints do it: <c>limit</c> (default 10) items after <c>offset</c>, or after the item <c>starting_after</c> names.</summary>
internal static class Page
{
    public static List<T> Of<T>(IEnumerable<T> items, FakeCall call) =>
        items.Skip((int)Math.Min(int.MaxValue, call.QueryLong("offset", 0))).Take((int)call.QueryLong("limit", 10)).ToList();

    /// <summary>
    /// Offset paging, or cursor paging where the endpoint takes <c>starting_after</c> (GET /users): the items after
    /// the one with that id (none when no item has it); combined with a non-zero offset it is a 422, as on Clerk.
    /// </summary>
    public static List<T> Of<T>(IEnumerable<T> items, FakeCall call, Func<T, string?> idOf)
    {
        if (call.Query("starting_after") is not { Length: > 0 } after) return Of(items, call);
        if (call.QueryLong("offset", 0) != 0)
        {
            throw new Errors.FakeErrorException(422, new Errors.FakeError("form_param_value_invalid", "is invalid", "starting_after cannot be combined with a non-zero offset.", "starting_after"));
        }
        return items.SkipWhile(item => idOf(item) != after).Skip(1).Take((int)call.QueryLong("limit", 10)).ToList();
    }
}
