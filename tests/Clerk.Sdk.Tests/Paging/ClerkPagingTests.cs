using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Paging;

/// <summary>
/// The one paging mechanism (<see cref="ClerkPageable{T}"/>) with a fake API: the pages it asks for, its stop rules, the
/// page size bounds, the cancellation token it hands to every request, and that it holds one page at a time.
/// </summary>
[TestFixture]
public class ClerkPagingTests
{
    /// <summary>A fake list API over <c>total</c> items (0..total-1): records each (page size, offset) and answers that slice.</summary>
    private sealed class FakeApi(int total, bool reportTotal)
    {
        public List<(long Limit, long Offset)> Calls { get; } = [];

        public List<CancellationToken> Tokens { get; } = [];

        public Func<int, Task>? BeforeAnswer { get; set; }

        public async Task<ClerkListResult<int>> FetchAsync(ClerkPageRequest request, CancellationToken cancellationToken)
        {
            if (Calls.Count > total + 2) throw new AssertionException($"{Calls.Count} requests for {total} items: the enumeration does not stop");
            var offset = long.Parse(request.ContinuationToken ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var limit = (long)request.PageSize;
            Calls.Add((limit, offset));
            Tokens.Add(cancellationToken);
            if (BeforeAnswer is { } before) await before(Calls.Count).ConfigureAwait(false);
            var items = Enumerable.Range((int)Math.Min(offset, total), (int)Math.Max(0, Math.Min(limit, total - offset))).ToList();
            return new ClerkListResult<int>(items, reportTotal ? total : null);
        }
    }

    private static ClerkPageable<T> Pageable<T>(Func<ClerkPageRequest, CancellationToken, Task<ClerkListResult<T>>> fetch, long? maxPageSize = null, CancellationToken cancellationToken = default, Func<T, string?>? cursorOf = null) =>
        new(new global::Clerk.Http.ClerkPagingInfo(cursorOf is null ? ClerkPagingKind.Offset : ClerkPagingKind.Cursor, 10, maxPageSize, paginatedFlag: false), useCursor: cursorOf is not null, cursorOf, fetch, cancellationToken);

    private static IAsyncEnumerable<int> ListAll(FakeApi api, int pageSize, long? maxPageSize = null, CancellationToken cancellationToken = default) =>
        Pageable<int>(api.FetchAsync, maxPageSize, cancellationToken).WithPageSize(pageSize);

    [TestCase(0, 10, true, 1)]
    [TestCase(0, 10, false, 1)]
    [TestCase(25, 10, true, 3)]
    [TestCase(25, 10, false, 3)]
    [TestCase(30, 10, true, 3, TestName = "An exact multiple with a total: no extra request")]
    [TestCase(30, 10, false, 4, TestName = "An exact multiple without a total: one empty page")]
    [TestCase(7, 500, false, 1)]
    public async Task EveryItemIsYieldedOnce_WithTheFewestRequestsTheStopRulesAllow(int total, int pageSize, bool reportTotal, int expectedRequests)
    {
        var api = new FakeApi(total, reportTotal);

        var items = await Collect(ListAll(api, pageSize));

        Assert.That(items, Is.EqualTo(Enumerable.Range(0, total)));
        Assert.That(api.Calls, Is.EqualTo(Enumerable.Range(0, expectedRequests).Select(i => ((long)pageSize, (long)i * pageSize))));
    }

    [Test]
    public void TheOldNameClerkPaging_IsObsolete_AndGivesTheSameSizes()
    {
#pragma warning disable CS0618 // the obsolete name, kept for one minor version
        Assert.Multiple(() =>
        {
            Assert.That(ClerkPaging.DefaultPageSize, Is.EqualTo(ClerkPageSizes.Default).And.EqualTo(100));
            Assert.That(ClerkPaging.MaxPageSize, Is.EqualTo(ClerkPageSizes.Max).And.EqualTo(500));
            Assert.That(typeof(ClerkPaging).GetCustomAttributes(typeof(ObsoleteAttribute), false), Has.Length.EqualTo(1));
        });
#pragma warning restore CS0618
    }

    [Test]
    public async Task APageLargerThanAskedFor_MovesTheOffsetByWhatArrived()
    {
        var calls = new List<string?>();
        var pages = new Queue<List<int>>([[1, 2, 3], [4], []]);
        Task<ClerkListResult<int>> Fetch(ClerkPageRequest request, CancellationToken _)
        {
            calls.Add(request.ContinuationToken);
            return Task.FromResult(new ClerkListResult<int>(pages.Dequeue(), null));
        }

        var items = await Collect(Pageable<int>(Fetch).WithPageSize(2));

        Assert.That(items, Is.EqualTo(new[] { 1, 2, 3, 4 }));
        Assert.That(calls, Is.EqualTo(new[] { null, "3" }));
    }

    [TestCase(0, null)]
    [TestCase(501, null)]
    [TestCase(101, 100L)]
    [TestCase(-5, 100L)]
    public void APageSizeOutOfBounds_ThrowsAtTheCall(int pageSize, long? apiMaximum)
    {
        var api = new FakeApi(10, reportTotal: true);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ListAll(api, pageSize, apiMaximum));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pageable<int>(api.FetchAsync, apiMaximum).AsPages(pageSizeHint: pageSize));

        Assert.That(ex!.ParamName, Is.EqualTo("pageSize"));
        Assert.That(ex.ActualValue, Is.EqualTo(pageSize));
        Assert.That(api.Calls, Is.Empty);
    }

    [TestCase(1, null)]
    [TestCase(500, null)]
    [TestCase(500, 1000L)]
    [TestCase(100, 100L)]
    public async Task APageSizeInBounds_IsTheLimitOfEveryRequest(int pageSize, long? apiMaximum)
    {
        var api = new FakeApi(3, reportTotal: false);

        await Collect(ListAll(api, pageSize, apiMaximum));

        Assert.That(api.Calls.Select(c => c.Limit), Has.All.EqualTo(pageSize));
    }

    [Test]
    public async Task EveryRequestGetsTheCallersCancellationToken()
    {
        var api = new FakeApi(5, reportTotal: false);
        using var cancellation = new CancellationTokenSource();

        await Collect(ListAll(api, 2, cancellationToken: cancellation.Token));

        Assert.That(api.Tokens, Has.Count.EqualTo(3));
        Assert.That(api.Tokens, Has.All.EqualTo(cancellation.Token));
    }

    [TestCase(false, TestName = "The token of the call cancels the request in flight")]
    [TestCase(true, TestName = "The token of WithCancellation cancels the request in flight")]
    public void EitherToken_CancelsTheRequestInFlight(bool throughWithCancellation)
    {
        var api = new FakeApi(5, reportTotal: false);
        using var callToken = new CancellationTokenSource();
        using var enumerationToken = new CancellationTokenSource();
        var requestSawCancellation = false;
        api.BeforeAnswer = call =>
        {
            if (call == 2)
            {
                (throughWithCancellation ? enumerationToken : callToken).Cancel();
                requestSawCancellation = api.Tokens[1].IsCancellationRequested;
            }
            return Task.CompletedTask;
        };

        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in ListAll(api, 2, cancellationToken: callToken.Token).WithCancellation(enumerationToken.Token))
            {
            }
        });

        Assert.That(requestSawCancellation, Is.True, "the token handed to the request is cancelled");
        Assert.That(api.Calls, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task GetPageAsync_AsksForThePageOfItsToken_AndGivesTheNext()
    {
        var seen = new List<ClerkPageRequest>();
        Task<ClerkListResult<int>> Fetch(ClerkPageRequest request, CancellationToken _)
        {
            seen.Add(request);
            return Task.FromResult(new ClerkListResult<int>([1, 2], 12));
        }

        var given = await Pageable<int>(Fetch).GetPageAsync("4", pageSizeHint: 2);
        var defaulted = await Pageable<int>(Fetch).GetPageAsync();

        Assert.That(seen.Select(r => (r.ContinuationToken, r.PageSize)), Is.EqualTo(new (string?, int)[] { ("4", 2), (null, ClerkPageSizes.Default) }));
        Assert.That((given.ContinuationToken, given.TotalCount, given.HasMore), Is.EqualTo(("6", (long?)12, true)));
        Assert.That(defaulted.HasMore, Is.False, "2 items of a page of 100: the last page");
    }

    [Test]
    public async Task ACursorPageable_AsksForTheItemsAfterTheLastIdRead()
    {
        var seen = new List<string?>();
        var pages = new Queue<List<string>>([["a", "b"], ["c", "d"], ["e"]]);
        Task<ClerkListResult<string>> Fetch(ClerkPageRequest request, CancellationToken _)
        {
            Assert.That(request.Kind, Is.EqualTo(ClerkPagingKind.Cursor));
            seen.Add(request.ContinuationToken);
            return Task.FromResult(new ClerkListResult<string>(pages.Dequeue(), null));
        }

        var items = await Collect(Pageable(Fetch, cursorOf: static s => s).WithPageSize(2));

        Assert.That(items, Is.EqualTo(new[] { "a", "b", "c", "d", "e" }));
        Assert.That(seen, Is.EqualTo(new[] { null, "b", "d" }));
    }

    [Test]
    public async Task FromPages_MakesAPageableForMocks()
    {
        var pageable = ClerkPageable<int>.FromPages([new ClerkPage<int>([1, 2], "x"), new ClerkPage<int>([3], null)]);

        Assert.That(await Collect(pageable), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That((await pageable.GetPageAsync()).Items, Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public async Task OnePageIsHeldAtATime()
    {
        WeakReference? firstPage = null;
        var firstPageCollected = false;
        async Task<ClerkListResult<object>> Fetch(ClerkPageRequest request, CancellationToken _)
        {
            await Task.Yield();
            if (request.ContinuationToken is null)
            {
                var page = NewPage(2);
                firstPage = new WeakReference(page);
                return new ClerkListResult<object>(page, null);
            }
            if (request.ContinuationToken != "2") throw new AssertionException($"offset {request.ContinuationToken} requested after a short page");
            firstPageCollected = IsCollected(firstPage!);
            return new ClerkListResult<object>(NewPage(1), null);
        }

        var count = 0;
        await foreach (var item in Pageable<object>(Fetch).WithPageSize(2))
        {
            count++;
        }

        Assert.That(count, Is.EqualTo(3));
        Assert.That(firstPageCollected, Is.True, "page 1 was still referenced while page 2 was requested");
    }

    private sealed class MockedPageable : ClerkPageable<int>
    {
    }

    [Test]
    public void APageableMadeForMocking_SaysWhatToOverride()
    {
        var mock = new MockedPageable();
        Assert.That(Assert.Throws<InvalidOperationException>(() => mock.WithPageSize(10))!.Message, Is.EqualTo("MockedPageable was created for mocking: override WithPageSize."));
        Assert.That(Assert.Throws<InvalidOperationException>(() => mock.AsPages())!.Message, Is.EqualTo("MockedPageable was created for mocking: override AsPages, or use ClerkPageable<T>.FromPages."));
        Assert.That(Assert.Throws<ArgumentNullException>(() => ClerkPageable<int>.FromPages(null!))!.ParamName, Is.EqualTo("pages"));
    }

    [Test]
    public void AnOffsetToken_ThatIsNotANumber_IsRefusedWithItsValue()
    {
        var error = Assert.Throws<ArgumentException>(() => Pageable<int>(new FakeApi(5, false).FetchAsync).AsPages("user_2abc"))!;
        Assert.That((error.ParamName, error.Message), Is.EqualTo(("continuationToken", "'user_2abc' is not a continuation token of this list (an offset was expected). (Parameter 'continuationToken')")));
    }

    /// <summary>A hint given to one call wins over the size given to <c>WithPageSize</c>, which wins over the default.</summary>
    [Test]
    public async Task AsPages_TheHintWinsOverWithPageSize_WhichWinsOverTheDefault()
    {
        var api = new FakeApi(100, reportTotal: true);
        var sized = Pageable<int>(api.FetchAsync).WithPageSize(50);
        await foreach (var _ in sized.AsPages(pageSizeHint: 20)) break;
        await foreach (var _ in sized.AsPages()) break;
        await foreach (var _ in Pageable<int>(api.FetchAsync).AsPages()) break;
        Assert.That(api.Calls.Select(c => c.Limit), Is.EqualTo(new long[] { 20, 50, ClerkPageSizes.Default }));
    }

    [Test]
    public async Task AsPages_ByOffset_EachPagesTokenIsTheNextOffset()
    {
        var api = new FakeApi(25, reportTotal: false);
        var tokens = new List<string?>();
        await foreach (var page in Pageable<int>(api.FetchAsync).AsPages("3", pageSizeHint: 10)) tokens.Add(page.ContinuationToken);
        Assert.That(tokens, Is.EqualTo(new[] { "13", "23", null }));
        Assert.That(api.Calls.Select(c => c.Offset), Is.EqualTo(new long[] { 3, 13, 23 }));
    }

    [Test]
    public void AsPages_TheCallsTokenStillCancels_WhenTheEnumerationHasItsOwn()
    {
        var api = new FakeApi(50, reportTotal: false);
        using var callToken = new CancellationTokenSource();
        using var enumerationToken = new CancellationTokenSource();
        api.BeforeAnswer = call =>
        {
            if (call == 2) callToken.Cancel();
            return Task.CompletedTask;
        };
        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Pageable<int>(api.FetchAsync, cancellationToken: callToken.Token).AsPages(pageSizeHint: 10).WithCancellation(enumerationToken.Token))
            {
            }
        });
        Assert.That(api.Calls, Has.Count.EqualTo(2));
    }

    [Test]
    public void ACursorPage_WhoseLastItemHasNoId_IsAClearError()
    {
        static Task<ClerkListResult<string>> Fetch(ClerkPageRequest request, CancellationToken _) => Task.FromResult(new ClerkListResult<string>(["a", ""], null));
        var error = Assert.ThrowsAsync<ClerkException>(() => Collect(Pageable<string>(Fetch, cursorOf: static s => s).WithPageSize(2)))!;
        Assert.That(error.Message, Is.EqualTo("The last item of a page has no id, so the next page (starting_after) cannot be requested."));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<object> NewPage(int count) => Enumerable.Range(0, count).Select(_ => new object()).ToList();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsCollected(WeakReference reference)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return !reference.IsAlive;
    }

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }
}
