using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.Tests.Paging;

/// <summary>Response bodies of the two list shapes, with numbered items (<c>user_1</c>, <c>user_2</c>, ...).</summary>
internal static class PageJson
{
    /// <summary>Item objects <c>{"object": kind, "id": "{prefix}_{n}"}</c> for n in first..first+count-1.</summary>
    public static JArray Items(string prefix, int first, int count, string? kind = null) =>
        new(Enumerable.Range(first, count).Select(n => new JObject { ["object"] = kind ?? prefix, ["id"] = $"{prefix}_{n}" }));

    /// <summary>A bare JSON array (Users, Sessions, Invitations, ...).</summary>
    public static string Array(string prefix, int first, int count) => Items(prefix, first, count).ToString(Newtonsoft.Json.Formatting.None);

    /// <summary><c>{ "data": [...], "total_count": total }</c> (Organizations, memberships, ...).</summary>
    public static string Data(string prefix, int first, int count, long total, string itemsProperty = "data") =>
        new JObject { [itemsProperty] = Items(prefix, first, count), ["total_count"] = total }.ToString(Newtonsoft.Json.Formatting.None);

    /// <summary>The ids <c>{prefix}_{first}</c> .. <c>{prefix}_{first+count-1}</c>.</summary>
    public static string[] Ids(string prefix, int first, int count) => Enumerable.Range(first, count).Select(n => $"{prefix}_{n}").ToArray();
}
