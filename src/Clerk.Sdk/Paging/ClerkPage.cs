using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Clerk;

/// <summary>
/// One page of a list operation (<c>await clerk.Users.ListAsync().GetPageAsync()</c>, or each item of
/// <see cref="ClerkPageable{T}.AsPages"/>): its items, the continuation token of the next page (null on the last one)
/// and the total count where the API gives one. It is a read-only list of its items, so <c>page[0]</c>,
/// <c>page.Count</c>, <c>foreach</c> and LINQ work on the page itself.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ClerkPage<T> : IReadOnlyList<T>
{
    /// <summary>Creates a page (the SDK does; a test or a mock can too).</summary>
    /// <param name="items">The items of the page, in the order the API returned them.</param>
    /// <param name="continuationToken">The token of the next page, or null when this is the last one.</param>
    /// <param name="totalCount">The total number of items across all pages, when the API gives it; otherwise null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public ClerkPage(IReadOnlyList<T> items, string? continuationToken, long? totalCount = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        ContinuationToken = continuationToken;
        TotalCount = totalCount;
    }

    /// <summary>A page over a list read from the wire, without copying it (read-only; null is an empty page).</summary>
    internal static ClerkPage<T> FromWire(IList<T>? items, string? continuationToken, long? totalCount) =>
        new(items is null ? Array.Empty<T>() : new ReadOnlyCollection<T>(items), continuationToken, totalCount);

    /// <summary>The items of the page, in the order the API returned them.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>
    /// The token that asks for the next page (<see cref="ClerkPageable{T}.GetPageAsync"/>,
    /// <see cref="ClerkPageable{T}.AsPages"/>), or null when this is the last page. An offset for offset paging, the
    /// last item's id for cursor paging; treat it as opaque.
    /// </summary>
    public string? ContinuationToken { get; }

    /// <summary>Whether another page follows (<see cref="ContinuationToken"/> is set).</summary>
    public bool HasMore => ContinuationToken is not null;

    /// <summary>The total number of items across all pages when the API gives one (<c>total_count</c>), else null.</summary>
    public long? TotalCount { get; }

    /// <summary>The number of items on this page.</summary>
    public int Count => Items.Count;

    /// <summary>The item at <paramref name="index"/> on this page.</summary>
    /// <param name="index">The zero-based index within the page.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not within the page.</exception>
    public T this[int index] => Items[index];

    /// <summary>Enumerates the items of this page only.</summary>
    /// <returns>An enumerator over the page's items.</returns>
    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A short description: item count, whether more follow, and the total.</summary>
    /// <returns>For example <c>ClerkPage&lt;User&gt;: 10 items, more follow, of 42</c>.</returns>
    public override string ToString() =>
        $"ClerkPage<{typeof(T).Name}>: {Count} items, {(HasMore ? "more follow" : "last page")}{(TotalCount is { } total ? $", of {total}" : "")}";
}
