using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Http;

namespace Clerk;

/// <summary>
/// What every list operation returns (<c>clerk.Users.ListAsync(options)</c>): every item with <c>await foreach</c>,
/// requested page by page as the enumeration advances, or the pages themselves (<see cref="AsPages"/>,
/// <see cref="GetPageAsync"/>) with a continuation token and a page-size hint. Nothing is requested until it is
/// enumerated; each enumeration starts again. Holds one page at a time.
/// </summary>
/// <remarks>
/// Pages follow the operation's paging kind (<see cref="PagingKind"/>): a cursor (<c>starting_after</c>, the last
/// item's id) where the spec offers one, which neither skips nor repeats items when others are added or removed;
/// offsets elsewhere, where an item inserted before the current offset shifts a read item into the next page (seen
/// twice) and a deleted one shifts an unread item out (skipped). Paging stops on an empty or short page, or when the
/// total count the API gives is reached.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public class ClerkPageable<T> : IAsyncEnumerable<T>
{
    private readonly ClerkPagingInfo? _paging;
    private readonly Func<T, string?>? _cursorOf;
    private readonly Func<ClerkPageRequest, CancellationToken, Task<ClerkListResult<T>>>? _fetch;
    private readonly CancellationToken _callToken;
    private readonly int? _pageSize;

    /// <summary>For mocking: a subclass overrides <see cref="AsPages"/> (or use <see cref="FromPages"/>).</summary>
    protected ClerkPageable()
    {
    }

    /// <summary>The pageable of one list call (the generated list methods create it).</summary>
    internal ClerkPageable(ClerkPagingInfo paging, bool useCursor, Func<T, string?>? cursorOf, Func<ClerkPageRequest, CancellationToken, Task<ClerkListResult<T>>> fetch, CancellationToken cancellationToken)
    {
        _paging = paging;
        PagingKind = useCursor && cursorOf is not null ? ClerkPagingKind.Cursor : ClerkPagingKind.Offset;
        _cursorOf = cursorOf;
        _fetch = fetch;
        _callToken = cancellationToken;
    }

    private ClerkPageable(ClerkPageable<T> source, int pageSize)
    {
        _paging = source._paging;
        PagingKind = source.PagingKind;
        _cursorOf = source._cursorOf;
        _fetch = source._fetch;
        _callToken = source._callToken;
        _pageSize = pageSize;
    }

    /// <summary>
    /// The same list with another page size (<c>await foreach (var user in clerk.Users.ListAsync().WithPageSize(500))</c>):
    /// fewer, larger requests. Checked here, before any request.
    /// </summary>
    /// <param name="pageSize">Items per request: 1 to the API's maximum for the operation (at most <see cref="ClerkPageSizes.Max"/>).</param>
    /// <returns>A pageable that requests pages of that size.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is out of range.</exception>
    public virtual ClerkPageable<T> WithPageSize(int pageSize)
    {
        if (_paging is null) throw new InvalidOperationException($"{GetType().Name} was created for mocking: override WithPageSize.");
        return new ClerkPageable<T>(this, _paging.PageSize(pageSize, nameof(pageSize)));
    }

    /// <summary>How this call walks its pages: a cursor where the operation offers one (and the call's ordering allows it), else offsets.</summary>
    public ClerkPagingKind PagingKind { get; }

    /// <summary>A pageable over pages already in memory: for tests and mocks of the list methods.</summary>
    /// <param name="pages">The pages, in order.</param>
    /// <returns>The pageable.</returns>
    public static ClerkPageable<T> FromPages(IEnumerable<ClerkPage<T>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return new StaticPageable(pages);
    }

    /// <summary>
    /// One page: the first, or the one <paramref name="continuationToken"/> (from <see cref="ClerkPage{T}.ContinuationToken"/>) points to.
    /// </summary>
    /// <param name="continuationToken">The token of the page to read, or null for the first page.</param>
    /// <param name="pageSizeHint">Items per page: 1 to the API's maximum (at most <see cref="ClerkPageSizes.Max"/>); default <see cref="ClerkPageSizes.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException"><paramref name="continuationToken"/> is not a token of this operation's paging kind.</exception>
    /// <exception cref="ClerkApiException">Clerk answered with an error.</exception>
    public virtual async Task<ClerkPage<T>> GetPageAsync(string? continuationToken = null, int? pageSizeHint = null, CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(continuationToken, pageSizeHint).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            return page;
        }
        return new ClerkPage<T>(Array.Empty<T>(), null);
    }

    /// <summary>The pages, from the first or from <paramref name="continuationToken"/>, each requested when the enumeration reaches it.</summary>
    /// <param name="continuationToken">Where to start (a page's <see cref="ClerkPage{T}.ContinuationToken"/>), or null for the first page.</param>
    /// <param name="pageSizeHint">Items per page: 1 to the API's maximum (at most <see cref="ClerkPageSizes.Max"/>); default the size given to <see cref="WithPageSize"/>, else <see cref="ClerkPageSizes.Default"/>.</param>
    /// <returns>The pages.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSizeHint"/> is out of range (thrown at the call).</exception>
    public virtual IAsyncEnumerable<ClerkPage<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        if (_fetch is null || _paging is null)
        {
            throw new InvalidOperationException($"{GetType().Name} was created for mocking: override AsPages, or use ClerkPageable<T>.FromPages.");
        }
        if (continuationToken is not null && PagingKind == ClerkPagingKind.Offset && !long.TryParse(continuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new ArgumentException($"'{continuationToken}' is not a continuation token of this list (an offset was expected).", nameof(continuationToken));
        }
        return PagesAsync(continuationToken, _paging.PageSize(pageSizeHint ?? _pageSize), default);
    }

    /// <summary>Every item of every page, in order.</summary>
    /// <param name="cancellationToken">Cancels the enumeration between items and the request in flight (with the token given to the list method).</param>
    /// <returns>The enumerator.</returns>
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (_fetch is null)
        {
            // A mock: its pages.
            await foreach (var given in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                foreach (var item in given) yield return item;
            }
            yield break;
        }
        using var linked = Link(cancellationToken);
        var token = linked?.Token ?? Effective(cancellationToken);
        var pageSize = _paging!.PageSize(_pageSize);
        string? next = null;
        long offset = 0;
        do
        {
            ClerkPage<T>? page = await FetchAsync(next, pageSize, offset, token).ConfigureAwait(false);
            for (var i = 0; i < page.Count; i++)
            {
                token.ThrowIfCancellationRequested();
                yield return page[i];
            }
            offset += page.Count;
            next = page.ContinuationToken;
            page = null; // one page at a time: this one is released before the next is requested
        }
        while (next is not null);
    }

    private async IAsyncEnumerable<ClerkPage<T>> PagesAsync(string? token, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var linked = Link(cancellationToken);
        var effective = linked?.Token ?? Effective(cancellationToken);
        var offset = token is null || PagingKind == ClerkPagingKind.Cursor ? 0L : long.Parse(token, NumberStyles.None, CultureInfo.InvariantCulture);
        while (true)
        {
            var page = await FetchAsync(token, pageSize, offset, effective).ConfigureAwait(false);
            offset += page.Count;
            token = page.ContinuationToken;
            yield return page;
            if (token is null) yield break;
        }
    }

    /// <summary>One page and the token of the next (null on an empty or short page, or when the total is reached).</summary>
    private async Task<ClerkPage<T>> FetchAsync(string? token, int pageSize, long offset, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (items, totalCount) = await _fetch!(new ClerkPageRequest(PagingKind, token, pageSize, _paging!.PaginatedFlag), cancellationToken).ConfigureAwait(false);
        var count = items?.Count ?? 0;
        string? next = null;
        if (count > 0 && count >= pageSize)
        {
            if (PagingKind == ClerkPagingKind.Cursor)
            {
                next = _cursorOf!(items![count - 1]) is { Length: > 0 } id ? id : throw new ClerkException($"The last item of a page has no id, so the next page (starting_after) cannot be requested.");
            }
            else if (totalCount is not { } total || offset + count < total)
            {
                next = (offset + count).ToString(CultureInfo.InvariantCulture);
            }
        }
        return ClerkPage<T>.FromWire(items, next, totalCount);
    }

    private CancellationTokenSource? Link(CancellationToken cancellationToken) =>
        _callToken.CanBeCanceled && cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_callToken, cancellationToken) : null;

    private CancellationToken Effective(CancellationToken cancellationToken) => cancellationToken.CanBeCanceled ? cancellationToken : _callToken;

    /// <summary>Pages given in advance (<see cref="FromPages"/>).</summary>
    private sealed class StaticPageable(IEnumerable<ClerkPage<T>> pages) : ClerkPageable<T>
    {
        public override async IAsyncEnumerable<ClerkPage<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            foreach (var page in pages)
            {
                await Task.Yield();
                yield return page;
            }
        }
    }
}
