using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Clerk.BackendApi;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Paging;

/// <summary>
/// Paging under faults (issue #4's fault-injection list): total_count drifting while enumerating, empty pages, page
/// sizes and limits out of bounds, errors and cancellation mid-enumeration. Each asserts how many requests the server saw.
/// </summary>
[TestFixture]
public class PagingFaultTests
{
    private PagingServer _server = null!;

    [SetUp]
    public void SetUp() => _server = new PagingServer();

    [TearDown]
    public void TearDown() => _server.Dispose();

    [Test]
    public async Task TotalCountDriftingUp_IsFollowedToTheNewEnd()
    {
        _server.ExpectPage("/organizations", "limit=2&offset=0", PageJson.Data("org", 1, 2, total: 4));
        _server.ExpectPage("/organizations", "limit=2&offset=2", PageJson.Data("org", 3, 2, total: 6)); // two organizations were created meanwhile
        _server.ExpectPage("/organizations", "limit=2&offset=4", PageJson.Data("org", 5, 2, total: 6));

        var ids = await Ids(_server.Clerk.Organizations.ListAsync().WithPageSize(2));

        Assert.That(ids, Is.EqualTo(PageJson.Ids("org", 1, 6)));
        Assert.That(_server.Recorder.Count, Is.EqualTo(3), "the latest total (6) decides, reached after the third page");
    }

    [Test]
    public async Task TotalCountDriftingDown_StopsOnceTheNewTotalIsReached()
    {
        _server.ExpectPage("/organizations", "limit=2&offset=0", PageJson.Data("org", 1, 2, total: 6));
        _server.ExpectPage("/organizations", "limit=2&offset=2", PageJson.Data("org", 3, 2, total: 3)); // organizations were deleted meanwhile

        var ids = await Ids(_server.Clerk.Organizations.ListAsync().WithPageSize(2));

        Assert.That(ids, Is.EqualTo(PageJson.Ids("org", 1, 4)), "every item received is yielded once, none is invented or repeated");
        Assert.That(_server.Requests, Is.EqualTo(new[] { "/organizations?limit=2&offset=0", "/organizations?limit=2&offset=2" }));
    }

    [Test]
    public async Task TotalCountDriftingBelowWhatWasRead_WithAnEmptyPage_Stops()
    {
        _server.ExpectPage("/organizations", "limit=2&offset=0", PageJson.Data("org", 1, 2, total: 10));
        _server.ExpectPage("/organizations", "limit=2&offset=2", PageJson.Data("org", 0, 0, total: 1));

        var ids = await Ids(_server.Clerk.Organizations.ListAsync().WithPageSize(2));

        Assert.That(ids, Is.EqualTo(PageJson.Ids("org", 1, 2)));
        Assert.That(_server.Recorder.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task ATotalPromisingMore_DoesNotOutlastAShortPage()
    {
        _server.ExpectPage("/organizations", "limit=2&offset=0", PageJson.Data("org", 1, 2, total: 50));
        _server.ExpectPage("/organizations", "limit=2&offset=2", PageJson.Data("org", 3, 1, total: 50));

        var ids = await Ids(_server.Clerk.Organizations.ListAsync().WithPageSize(2));

        Assert.That(ids, Is.EqualTo(PageJson.Ids("org", 1, 3)));
        Assert.That(_server.Recorder.Count, Is.EqualTo(2), "a short page ends the enumeration whatever the total says");
    }

    [Test]
    public async Task ATotalPromisingMore_DoesNotOutlastAnEmptyPage()
    {
        _server.ExpectPage("/organizations", "limit=2&offset=0", PageJson.Data("org", 1, 2, total: 50));
        _server.ExpectPage("/organizations", "limit=2&offset=2", PageJson.Data("org", 0, 0, total: 50));

        var ids = await Ids(_server.Clerk.Organizations.ListAsync().WithPageSize(2));

        Assert.That(ids, Is.EqualTo(PageJson.Ids("org", 1, 2)));
        Assert.That(_server.Recorder.Count, Is.EqualTo(2), "an empty page ends the enumeration, it is never retried");
    }

    [Test]
    public async Task AnEmptyFirstPage_OfABareArray_YieldsNothing()
    {
        _server.ExpectPage("/users", "limit=100", "[]");

        var ids = await Ids(_server.Clerk.Users.ListAsync());

        Assert.That(ids, Is.Empty);
        Assert.That(_server.Recorder.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task AnEmptyFirstPage_WithTotalZero_YieldsNothing()
    {
        _server.ExpectPage("/organizations", "limit=100&offset=0", PageJson.Data("org", 0, 0, total: 0));

        var ids = await Ids(_server.Clerk.Organizations.ListAsync());

        Assert.That(ids, Is.Empty);
        Assert.That(_server.Recorder.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task ANullDataArray_IsAnEmptyPage()
    {
        _server.ExpectPage("/organizations", "limit=100&offset=0", """{ "data": null, "total_count": 5 }""");

        var ids = await Ids(_server.Clerk.Organizations.ListAsync());

        Assert.That(ids, Is.Empty);
        Assert.That(_server.Recorder.Count, Is.EqualTo(1));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(501)]
    [TestCase(int.MaxValue)]
    public void APageSizeOutOfBounds_ThrowsAtTheCall_BeforeAnyRequest(int pageSize)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _server.Clerk.Users.ListAsync().WithPageSize(pageSize));

        Assert.That(ex!.ParamName, Is.EqualTo("pageSize"));
        Assert.That(ex.Message, Does.Contain("between 1 and 500"));
        Assert.That(_server.Recorder.Count, Is.Zero);
    }

    [Test]
    public void APageSizeAboveTheOperationsOwnMaximum_ThrowsBeforeAnyRequest()
    {
        // GET /api_keys allows at most 100 per page (the spec's limit maximum), below the SDK-wide 500.
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _server.Clerk.ApiKeys.ListAsync("user_1").WithPageSize(101));

        Assert.That(ex!.Message, Does.Contain("between 1 and 100"));
        Assert.That(_server.Recorder.Count, Is.Zero);
    }

    [Test]
    public void APageSizeHintOutOfBounds_IsRefusedBeforeAnyRequest_AndAnApiErrorOnAPage_IsAClerkApiException()
    {
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _server.Clerk.Users.ListAsync().GetPageAsync(pageSizeHint: 501));
        Assert.That(_server.Recorder.Count, Is.Zero);
        _server.ExpectError("/users", "limit=5", HttpStatusCode.UnprocessableEntity, "form_param_value_invalid", "limit");

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => _server.Clerk.Users.ListAsync().GetPageAsync(pageSizeHint: 5));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(ex.Code, Is.EqualTo("form_param_value_invalid"));
        Assert.That(_server.Recorder.Count, Is.EqualTo(1));
    }

    [Test]
    public void AnErrorOnALaterPage_EndsTheEnumerationAfterTheItemsAlreadyYielded()
    {
        _server.ExpectPage("/users", "limit=2", PageJson.Array("user", 1, 2));
        _server.ExpectError("/users", "limit=2&starting_after=user_2", HttpStatusCode.TooManyRequests, "too_many_requests", "limit");

        var seen = new List<string>();
        var ex = Assert.ThrowsAsync<ClerkRateLimitException>(async () =>
        {
            await foreach (var user in _server.Clerk.Users.ListAsync().WithPageSize(2))
            {
                seen.Add(user.Id);
            }
        });

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(seen, Is.EqualTo(PageJson.Ids("user", 1, 2)));
        Assert.That(_server.Recorder.Count, Is.EqualTo(2));
    }

    [Test]
    public void CancellationBetweenPages_StopsBeforeTheNextRequest()
    {
        _server.ExpectPage("/users", "limit=2", PageJson.Array("user", 1, 2));
        using var cancellation = new CancellationTokenSource();

        var seen = new List<string>();
        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var user in _server.Clerk.Users.ListAsync(cancellationToken: cancellation.Token).WithPageSize(2))
            {
                seen.Add(user.Id);
                if (seen.Count == 2) cancellation.Cancel(); // the consumer finished page 1
            }
        });

        Assert.That(seen, Is.EqualTo(PageJson.Ids("user", 1, 2)));
        Assert.That(_server.Recorder.Count, Is.EqualTo(1), "page 2 is never requested");
    }

    [Test]
    public void CancellationThroughWithCancellation_StopsBeforeTheNextRequest()
    {
        _server.ExpectPage("/users", "limit=2", PageJson.Array("user", 1, 2));
        using var cancellation = new CancellationTokenSource();

        var seen = new List<string>();
        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var user in _server.Clerk.Users.ListAsync().WithPageSize(2).WithCancellation(cancellation.Token))
            {
                seen.Add(user.Id);
                if (seen.Count == 2) cancellation.Cancel();
            }
        });

        Assert.That(seen, Has.Count.EqualTo(2));
        Assert.That(_server.Recorder.Count, Is.EqualTo(1));
    }

    [Test]
    public void CancellationMidPage_StopsBeforeTheNextItemAndRequest()
    {
        _server.ExpectPage("/users", "limit=3", PageJson.Array("user", 1, 3));
        using var cancellation = new CancellationTokenSource();

        var seen = new List<string>();
        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var user in _server.Clerk.Users.ListAsync(cancellationToken: cancellation.Token).WithPageSize(3))
            {
                seen.Add(user.Id);
                cancellation.Cancel();
            }
        });

        Assert.That(seen, Is.EqualTo(new[] { "user_1" }));
        Assert.That(_server.Recorder.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task CancellationDuringAPageRequest_CancelsTheRequestInFlight()
    {
        _server.ExpectPage("/users", "limit=2", PageJson.Array("user", 1, 2));
        _server.ExpectStall("/users", "limit=2&starting_after=user_2");
        using var cancellation = new CancellationTokenSource();

        var seen = new List<string>();
        var enumeration = Task.Run(async () =>
        {
            await foreach (var user in _server.Clerk.Users.ListAsync(cancellationToken: cancellation.Token).WithPageSize(2))
            {
                seen.Add(user.Id);
            }
        });
        await _server.Recorder.WhenCountReaches(2).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(enumeration.IsCompleted, Is.False, "the second page request is in flight");

        cancellation.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => enumeration.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That(seen, Is.EqualTo(PageJson.Ids("user", 1, 2)));
        Assert.That(_server.Recorder.Count, Is.EqualTo(2));
    }

    [Test]
    public void AnAlreadyCancelledToken_SendsNoRequest()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _server.Clerk.Users.ListAsync(cancellationToken: cancellation.Token))
            {
            }
        });

        Assert.That(_server.Recorder.Count, Is.Zero);
    }

    private static async Task<List<string>> Ids(IAsyncEnumerable<User> users)
    {
        var ids = new List<string>();
        await foreach (var user in users) ids.Add(user.Id);
        return ids;
    }

    private static async Task<List<string>> Ids(IAsyncEnumerable<Organization> organizations)
    {
        var ids = new List<string>();
        await foreach (var organization in organizations) ids.Add(organization.Id);
        return ids;
    }
}
