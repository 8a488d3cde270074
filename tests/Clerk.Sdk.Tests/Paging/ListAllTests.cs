using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Clerk.BackendApi;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Paging;

/// <summary>
/// Enumerating a list operation's pageable on the wire: cursor or limit/offset requests in order, exactly as many
/// as the stop rules need (short page, empty page, total reached), filters repeated on every page, and pages requested
/// only as the consumer gets to them.
/// </summary>
[TestFixture]
public class ListAllTests
{
    private PagingServer _server = null!;

    [SetUp]
    public void SetUp() => _server = new PagingServer();

    [TearDown]
    public void TearDown() => _server.Dispose();

    [Test]
    public async Task Users_PageByCursor_AndStopOnAShortPage()
    {
        _server.ExpectPage("/users", "limit=2", PageJson.Array("user", 1, 2));
        _server.ExpectPage("/users", "limit=2&starting_after=user_2", PageJson.Array("user", 3, 2));
        _server.ExpectPage("/users", "limit=2&starting_after=user_4", PageJson.Array("user", 5, 1));

        var ids = await Ids(_server.Clerk.Users.ListAsync().WithPageSize(2));

        _server.VerifyAllPagesRequested();
        Assert.That(ids, Is.EqualTo(PageJson.Ids("user", 1, 5)));
        Assert.That(_server.Requests, Is.EqualTo(new[] { "/users?limit=2", "/users?limit=2&starting_after=user_2", "/users?limit=2&starting_after=user_4" }), "users page by cursor, as Clerk's spec advises");
    }

    [Test]
    public async Task BareArray_ByOffset_EndingOnAFullPage_NeedsOneEmptyPageToKnow()
    {
        _server.ExpectPage("/users", "order_by=-email_address&limit=2&offset=0", PageJson.Array("user", 1, 2));
        _server.ExpectPage("/users", "order_by=-email_address&limit=2&offset=2", PageJson.Array("user", 3, 2));
        _server.ExpectPage("/users", "order_by=-email_address&limit=2&offset=4", "[]");

        var pageable = _server.Clerk.Users.ListAsync(new UserListOptions { OrderBy = "-email_address" }).WithPageSize(2);
        Assert.That(pageable.PagingKind, Is.EqualTo(ClerkPagingKind.Offset), "a cursor requires ordering by created_at");
        var ids = await Ids(pageable);

        Assert.That(ids, Is.EqualTo(PageJson.Ids("user", 1, 4)));
        Assert.That(_server.Recorder.Count, Is.EqualTo(3), "no total: only an empty page tells the end after a full one");
    }

    [Test]
    public async Task DataAndTotalCount_StopsWhenTheTotalIsReached_WithoutAnExtraRequest()
    {
        _server.ExpectPage("/organizations", "limit=2&offset=0", PageJson.Data("org", 1, 2, total: 4));
        _server.ExpectPage("/organizations", "limit=2&offset=2", PageJson.Data("org", 3, 2, total: 4));

        var ids = await Ids(_server.Clerk.Organizations.ListAsync().WithPageSize(2));

        _server.VerifyAllPagesRequested();
        Assert.That(ids, Is.EqualTo(PageJson.Ids("org", 1, 4)));
        Assert.That(_server.Requests, Is.EqualTo(new[] { "/organizations?limit=2&offset=0", "/organizations?limit=2&offset=2" }));
    }

    [Test]
    public async Task DefaultPageSize_Is100()
    {
        _server.ExpectPage("/organizations/org_1/memberships", "limit=100&offset=0", PageJson.Data("orgmem", 1, 100, total: 130));
        _server.ExpectPage("/organizations/org_1/memberships", "limit=100&offset=100", PageJson.Data("orgmem", 101, 30, total: 130));

        var ids = await Ids(_server.Clerk.OrganizationMemberships.ListAsync("org_1"));

        Assert.That(ids, Is.EqualTo(PageJson.Ids("orgmem", 1, 130)));
        Assert.That(_server.Requests, Is.EqualTo(new[] { "/organizations/org_1/memberships?limit=100&offset=0", "/organizations/org_1/memberships?limit=100&offset=100" }));
    }

    [Test]
    public async Task TheLargestPageSize_IsAccepted()
    {
        _server.ExpectPage("/users", "limit=500", PageJson.Array("user", 1, 3));

        var ids = await Ids(_server.Clerk.Users.ListAsync().WithPageSize(ClerkPageSizes.Max));

        Assert.That(ids, Has.Count.EqualTo(3));
        Assert.That(_server.Requests, Is.EqualTo(new[] { "/users?limit=500" }));
    }

    [Test]
    public async Task Filters_AreSentOnEveryPage_WithPaginatedForTheTotal()
    {
        _server.ExpectPage("/sessions", "user_id=user_1&status=active&limit=2&offset=0&paginated=true", PageJson.Data("sess", 1, 2, total: 3));
        _server.ExpectPage("/sessions", "user_id=user_1&status=active&limit=2&offset=2&paginated=true", PageJson.Data("sess", 3, 1, total: 3));

        var ids = await Ids(_server.Clerk.Sessions.ListAsync(new SessionListOptions { UserId = "user_1", Status = SessionStatus.Active }).WithPageSize(2));

        Assert.That(ids, Is.EqualTo(PageJson.Ids("sess", 1, 3)));
        Assert.That(_server.Requests, Is.EqualTo(new[] { "/sessions?user_id=user_1&status=active&limit=2&offset=0&paginated=true", "/sessions?user_id=user_1&status=active&limit=2&offset=2&paginated=true" }));
    }

    [Test]
    public async Task AGetNamedListOperation_IsAPageable()
    {
        _server.ExpectPage("/users/user_1/organization_memberships", "limit=1&offset=0", PageJson.Data("orgmem", 1, 1, total: 2));
        _server.ExpectPage("/users/user_1/organization_memberships", "limit=1&offset=1", PageJson.Data("orgmem", 2, 1, total: 2));

        var ids = await Ids(_server.Clerk.Users.ListOrganizationMembershipsAsync("user_1").WithPageSize(1));

        Assert.That(ids, Is.EqualTo(PageJson.Ids("orgmem", 1, 2)));
        Assert.That(_server.Recorder.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task AnItemsArrayNotNamedData_IsPagedToo()
    {
        _server.ExpectPage("/m2m_tokens", "subject=mch_1&limit=2&offset=0", PageJson.Data("mt", 1, 2, total: 3, itemsProperty: "m2m_tokens"));
        _server.ExpectPage("/m2m_tokens", "subject=mch_1&limit=2&offset=2", PageJson.Data("mt", 3, 1, total: 3, itemsProperty: "m2m_tokens"));

        var ids = await Ids(_server.Clerk.M2M.ListTokensAsync("mch_1").WithPageSize(2));

        Assert.That(ids, Is.EqualTo(PageJson.Ids("mt", 1, 3)));
        Assert.That(_server.Recorder.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task PagesAreRequestedOnlyAsTheConsumerGetsToThem()
    {
        _server.ExpectPage("/users", "limit=2", PageJson.Array("user", 1, 2));
        _server.ExpectPage("/users", "limit=2&starting_after=user_2", PageJson.Array("user", 3, 1));

        await using var enumerator = _server.Clerk.Users.ListAsync().WithPageSize(2).GetAsyncEnumerator();
        Assert.That(_server.Recorder.Count, Is.Zero, "nothing is requested before the enumeration starts");

        Assert.That(await enumerator.MoveNextAsync(), Is.True);
        Assert.That(enumerator.Current.Id, Is.EqualTo("user_1"));
        Assert.That(await enumerator.MoveNextAsync(), Is.True);
        Assert.That(enumerator.Current.Id, Is.EqualTo("user_2"));
        Assert.That(_server.Recorder.Count, Is.EqualTo(1), "page 2 is not requested while the consumer is still on page 1");

        Assert.That(await enumerator.MoveNextAsync(), Is.True);
        Assert.That(enumerator.Current.Id, Is.EqualTo("user_3"));
        Assert.That(_server.Recorder.Count, Is.EqualTo(2));
        Assert.That(await enumerator.MoveNextAsync(), Is.False);
        Assert.That(_server.Recorder.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task StoppingEarly_RequestsNoFurtherPage()
    {
        _server.ExpectPage("/invitations", "limit=2&offset=0&paginated=true", PageJson.Data("inv", 1, 2, total: 9));

        string? first = null;
        await foreach (var invitation in _server.Clerk.Invitations.ListAsync().WithPageSize(2))
        {
            first = invitation.Id;
            break;
        }

        Assert.That(first, Is.EqualTo("inv_1"));
        Assert.That(_server.Recorder.Count, Is.EqualTo(1));
    }

    private static async Task<List<string>> Ids<T>(IAsyncEnumerable<T> items)
        where T : class
    {
        var ids = new List<string>();
        await foreach (var item in items.WithCancellation(CancellationToken.None))
        {
            ids.Add((string)item.GetType().GetProperty("Id")!.GetValue(item)!);
        }
        return ids;
    }
}
