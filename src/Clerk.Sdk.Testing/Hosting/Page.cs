using System.Collections.Generic;
using System.Linq;

namespace Clerk.Testing.Hosting;

/// <summary>Offset paging as Clerk's list endpoints do it: <c>limit</c> (default 10) items after <c>offset</c>.</summary>
internal static class Page
{
    public static List<T> Of<T>(IEnumerable<T> items, FakeCall call) =>
        items.Skip((int)System.Math.Min(int.MaxValue, call.QueryLong("offset", 0))).Take((int)call.QueryLong("limit", 10)).ToList();
}
