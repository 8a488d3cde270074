using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Paging;

/// <summary>
/// The one paging mechanism (<see cref="ClerkPaging"/>) with a fake API: the offsets it asks for, its stop rules, the
/// page size bounds, the cancellation token it hands to every request, and that it holds one page at a time.
/// </summary>
[TestFixture]
public class ClerkPagingTests
{
    /// <summary>A fake list API over <c>total</c> items (0..total-1): records each (limit, offset) and answers that slice.</summary>
    private sealed class FakeApi(int total, bool reportTotal)
    {
        public List<(long Limit, long Offset)> Calls { get; } = [];

        public List<CancellationToken> Tokens { get; } = [];

        public Func<int, Task>? BeforeAnswer { get; set; }

        public async Task<FakeResponse> FetchAsync(long limit, long offset, CancellationToken cancellationToken)
        {
            if (Calls.Count > total + 2) throw new AssertionException($"{Calls.Count} requests for {total} items: the enumeration does not stop");
            Calls.Add((limit, offset));
            Tokens.Add(cancellationToken);
            if (BeforeAnswer is { } before) await before(Calls.Count).ConfigureAwait(false);
            var items = Enumerable.Range((int)Math.Min(offset, total), (int)Math.Max(0, Math.Min(limit, total - offset))).ToList();
            return new FakeResponse(items, reportTotal ? total : null);
        }
    }

    private sealed record FakeResponse(List<int> Items, long? Total);

    private static (IList<int>? Items, long? TotalCount) Read(FakeResponse response) => (response.Items, response.Total);

    private static IAsyncEnumerable<int> ListAll(FakeApi api, int pageSize, long? maxPageSize = null, CancellationToken cancellationToken = default) =>
        ClerkPaging.ListAllAsync<FakeResponse, int>(api.FetchAsync, Read, pageSize, maxPageSize, cancellationToken);

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
    public async Task APageLargerThanAskedFor_MovesTheOffsetByWhatArrived()
    {
        var calls = new List<long>();
        var pages = new Queue<List<int>>([[1, 2, 3], [4], []]);
        Task<List<int>> Fetch(long limit, long offset, CancellationToken _)
        {
            calls.Add(offset);
            return Task.FromResult(pages.Dequeue());
        }

        var items = await Collect(ClerkPaging.ListAllAsync<List<int>, int>(Fetch, static r => (r, null), pageSize: 2, maxPageSize: null, CancellationToken.None));

        Assert.That(items, Is.EqualTo(new[] { 1, 2, 3, 4 }));
        Assert.That(calls, Is.EqualTo(new[] { 0L, 3L }));
    }

    [TestCase(0, null)]
    [TestCase(501, null)]
    [TestCase(101, 100L)]
    [TestCase(-5, 100L)]
    public void APageSizeOutOfBounds_ThrowsAtTheCall(int pageSize, long? apiMaximum)
    {
        var api = new FakeApi(10, reportTotal: true);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ListAll(api, pageSize, apiMaximum));

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
    public async Task ThePageForm_PassesLimitAndOffsetAsGiven_AndNamesTheDefaultLimit()
    {
        var seen = new List<(long?, long?)>();
        Task<FakeResponse> Fetch(long? limit, long? offset, CancellationToken _)
        {
            seen.Add((limit, offset));
            return Task.FromResult(new FakeResponse([1, 2], 12));
        }

        var given = await ClerkPaging.PageAsync<FakeResponse, int>(Fetch, Read, limit: 2, offset: 4, defaultLimit: 10, CancellationToken.None);
        var defaulted = await ClerkPaging.PageAsync<FakeResponse, int>(Fetch, Read, limit: null, offset: null, defaultLimit: 10, CancellationToken.None);

        Assert.That(seen, Is.EqualTo(new (long?, long?)[] { (2, 4), (null, null) }));
        Assert.That((given.Limit, given.Offset, given.TotalCount, given.HasMore), Is.EqualTo((2L, 4L, (long?)12, true)));
        Assert.That((defaulted.Limit, defaulted.Offset, defaulted.HasMore), Is.EqualTo((10L, 0L, true)));
    }

    [Test]
    public async Task OnePageIsHeldAtATime()
    {
        WeakReference? firstPage = null;
        var firstPageCollected = false;
        async Task<List<object>> Fetch(long limit, long offset, CancellationToken _)
        {
            await Task.Yield();
            if (offset == 0)
            {
                var page = NewPage(2);
                firstPage = new WeakReference(page);
                return page;
            }
            if (offset != 2) throw new AssertionException($"offset {offset} requested after a short page");
            firstPageCollected = IsCollected(firstPage!);
            return NewPage(1);
        }

        var count = 0;
        await foreach (var item in ClerkPaging.ListAllAsync<List<object>, object>(Fetch, static r => (r, null), pageSize: 2, maxPageSize: null, CancellationToken.None))
        {
            count++;
        }

        Assert.That(count, Is.EqualTo(3));
        Assert.That(firstPageCollected, Is.True, "page 1 was still referenced while page 2 was requested");
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
