using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Clerk;

/// <summary>
/// One page of a Clerk list operation (<c>clerk.Users.ListAsync(...)</c>): its items, where it starts, how many were
/// asked for, whether more follow, and the total count where the API gives one. It is a read-only list of its items,
/// so <c>page[0]</c>, <c>page.Count</c>, <c>foreach</c> and LINQ work on the page itself.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ClerkPage<T> : IReadOnlyList<T>
{
    /// <summary>Creates a page (the SDK does; a test or a mock can too).</summary>
    /// <param name="items">The items of the page, in the order the API returned them.</param>
    /// <param name="offset">How many items precede the page.</param>
    /// <param name="limit">How many items were asked for (the page size).</param>
    /// <param name="totalCount">The total number of items across all pages, when the API gives it; otherwise null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public ClerkPage(IReadOnlyList<T> items, long offset, long limit, long? totalCount = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        Offset = offset;
        Limit = limit;
        TotalCount = totalCount;
    }

    /// <summary>A page over a generated list, without copying it (read-only; a null list from the wire is an empty page).</summary>
    internal static ClerkPage<T> FromWire(IList<T>? items, long offset, long limit, long? totalCount) =>
        new(items is null ? Array.Empty<T>() : new ReadOnlyCollection<T>(items), offset, limit, totalCount);

    /// <summary>The items of the page, in the order the API returned them.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The total number of items across all pages when the API gives one (<c>total_count</c>); null for list operations that return a bare array.</summary>
    public long? TotalCount { get; }

    /// <summary>How many items precede this page (the <c>offset</c> sent, 0 when none was).</summary>
    public long Offset { get; }

    /// <summary>How many items were asked for (the <c>limit</c> sent, or the API's default when none was).</summary>
    public long Limit { get; }

    /// <summary>
    /// Whether another page follows: with a total count, when <see cref="Offset"/> + <see cref="Count"/> is below it;
    /// without one, when the page is full (<see cref="Count"/> reached <see cref="Limit"/>), which can be a final full page.
    /// </summary>
    public bool HasMore => TotalCount is { } total ? Offset + Items.Count < total : Limit > 0 && Items.Count >= Limit;

    /// <summary>The offset of the next page: <see cref="Offset"/> + <see cref="Count"/>.</summary>
    public long NextOffset => Offset + Items.Count;

    /// <summary>The number of items on this page.</summary>
    public int Count => Items.Count;

    /// <summary>The item at <paramref name="index"/> on this page.</summary>
    /// <param name="index">The zero-based index within the page.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not within the page.</exception>
    public T this[int index] => Items[index];

    /// <summary>Enumerates the items of this page (not the following pages; for every item use the <c>ListAll...Async</c> form).</summary>
    /// <returns>An enumerator over the page's items.</returns>
    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A short description: item count, offset, limit and total.</summary>
    /// <returns>For example <c>ClerkPage&lt;User&gt;: 10 items from offset 20 (limit 10) of 42</c>.</returns>
    public override string ToString() =>
        $"ClerkPage<{typeof(T).Name}>: {Count} items from offset {Offset} (limit {Limit}){(TotalCount is { } total ? $" of {total}" : "")}";
}
