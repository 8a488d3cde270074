using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk;

/// <summary>
/// Limit/offset paging of the Clerk list operations: the one mechanism behind every page form
/// (<c>clerk.Users.ListAsync(...)</c> → <see cref="ClerkPage{T}"/>) and every all-pages form
/// (<c>clerk.Users.ListAllAsync(...)</c> → <see cref="IAsyncEnumerable{T}"/>). The per-operation glue is generated
/// from the spec (<c>generated/BackendApi.Paging.g.cs</c>, build/Clerk.SpecTool/PagingWriter.cs); it passes a call of
/// the operation's wire-shaped method and a reader of its response shape (a bare array, or an object with an items
/// array and <c>total_count</c>).
/// </summary>
/// <remarks>
/// The all-pages form requests <c>limit=pageSize&amp;offset=0</c>, then the next offsets, one page at a time and only
/// when the consumer has read the page before. It stops on an empty page, on a short page (fewer items than the
/// page size), or when the total count of the latest page is known and reached. The total is read anew from every
/// page: if it grows while enumerating, the enumeration goes on to the new end; if it shrinks to at most the items
/// already read, it stops. Every request moves the offset on by the items received or ends the enumeration, so it
/// cannot loop on one page. Offset paging does not hide changes made meanwhile: an item inserted before the current
/// offset shifts a read item into the next page (seen twice), a deleted one shifts an unread item out (skipped).
/// </remarks>
public static class ClerkPaging
{
    /// <summary>The page size of the all-pages forms when none is given.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest page size the all-pages forms accept (an operation whose API maximum is lower uses that).</summary>
    public const int MaxPageSize = 500;

    /// <summary>Requests one page and wraps it: limit and offset go to the API exactly as given.</summary>
    /// <typeparam name="TResponse">The wire response of the list operation.</typeparam>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="fetchPage">Calls the wire-shaped method with a limit and an offset (null: not sent).</param>
    /// <param name="read">Reads the items and the total count (null when the API gives none) from the response.</param>
    /// <param name="limit">The limit given by the caller, or null.</param>
    /// <param name="offset">The offset given by the caller, or null.</param>
    /// <param name="defaultLimit">The API's default limit (from the spec), the page's <see cref="ClerkPage{T}.Limit"/> when none was given.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    internal static async Task<ClerkPage<TItem>> PageAsync<TResponse, TItem>(
        Func<long?, long?, CancellationToken, Task<TResponse>> fetchPage,
        Func<TResponse, (IList<TItem>? Items, long? TotalCount)> read,
        long? limit,
        long? offset,
        long defaultLimit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(read);
        var (items, totalCount) = read(await fetchPage(limit, offset, cancellationToken).ConfigureAwait(false));
        return ClerkPage<TItem>.FromWire(items, offset ?? 0, limit ?? defaultLimit, totalCount);
    }

    /// <summary>
    /// Every item of a list operation, page by page. The page size is checked here, at the call, so an invalid one
    /// throws before any request; the requests start when the enumeration does.
    /// </summary>
    /// <typeparam name="TResponse">The wire response of the list operation.</typeparam>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="fetchPage">Calls the wire-shaped method with a limit and an offset.</param>
    /// <param name="read">Reads the items and the total count (null when the API gives none) from the response.</param>
    /// <param name="pageSize">Items per request: 1 to <see cref="MaxPageSize"/> (or the operation's lower maximum).</param>
    /// <param name="maxPageSize">The API's maximum limit for the operation (from the spec), or null.</param>
    /// <param name="cancellationToken">Cancels the enumeration between pages and items, and the request in flight.</param>
    /// <returns>The items of every page, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is out of range.</exception>
    internal static IAsyncEnumerable<TItem> ListAllAsync<TResponse, TItem>(
        Func<long, long, CancellationToken, Task<TResponse>> fetchPage,
        Func<TResponse, (IList<TItem>? Items, long? TotalCount)> read,
        int pageSize,
        long? maxPageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(read);
        var maximum = maxPageSize is { } apiMaximum && apiMaximum < MaxPageSize ? (int)Math.Max(1, apiMaximum) : MaxPageSize;
        if (pageSize < 1 || pageSize > maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize,
                $"The page size must be between 1 and {maximum}{(maximum < MaxPageSize ? " (the API's maximum for this operation)" : "")}; the default is {DefaultPageSize}.");
        }
        return EnumerateAsync(fetchPage, read, pageSize, cancellationToken);
    }

    private static async IAsyncEnumerable<TItem> EnumerateAsync<TResponse, TItem>(
        Func<long, long, CancellationToken, Task<TResponse>> fetchPage,
        Func<TResponse, (IList<TItem>? Items, long? TotalCount)> read,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long offset = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (items, totalCount) = read(await fetchPage(pageSize, offset, cancellationToken).ConfigureAwait(false));
            var count = items?.Count ?? 0;
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return items![i];
            }
            items = null; // one page at a time: this one is released before the next is requested
            offset += count;
            if (count < pageSize || (totalCount is { } total && offset >= total))
            {
                yield break;
            }
        }
    }
}
