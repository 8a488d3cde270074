using System;
using System.Linq;
using System.Threading.Tasks;
using Clerk.BackendApi;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Paging;

/// <summary>
/// One page of a list operation (<c>GetPageAsync</c>, <c>AsPages</c>) for every response shape: the exact request
/// (filters once, then the page size, where to start, <c>paginated=true</c> where the operation takes it), then a
/// <see cref="ClerkPage{T}"/> with the items, the total where the API gives one, and the continuation token of the
/// next page, which asks for exactly that page.
/// </summary>
[TestFixture]
public class ListPageTests
{
    private PagingServer _server = null!;

    [SetUp]
    public void SetUp() => _server = new PagingServer();

    [TearDown]
    public void TearDown() => _server.Dispose();

    [Test]
    public async Task Users_FirstPage_SendsFiltersAndTheSize_AndItsTokenIsTheLastId()
    {
        _server.ExpectPage("/users", "email_address=a%40example.com&email_address=b%40example.com&order_by=-created_at&limit=3", PageJson.Array("user", 1, 3));
        _server.ExpectPage("/users", "email_address=a%40example.com&email_address=b%40example.com&order_by=-created_at&limit=3&starting_after=user_3", PageJson.Array("user", 4, 1));

        var users = _server.Clerk.Users.ListAsync(new UserListOptions { EmailAddress = ["a@example.com", "b@example.com"], OrderBy = "-created_at" });
        var page = await users.GetPageAsync(pageSizeHint: 3);
        var next = await users.GetPageAsync(page.ContinuationToken, pageSizeHint: 3);

        _server.VerifyAllPagesRequested();
        Assert.Multiple(() =>
        {
            Assert.That(users.PagingKind, Is.EqualTo(ClerkPagingKind.Cursor));
            Assert.That(page.Select(u => u.Id), Is.EqualTo(PageJson.Ids("user", 1, 3)));
            Assert.That(page.TotalCount, Is.Null, "a bare array has no total");
            Assert.That(page.ContinuationToken, Is.EqualTo("user_3"));
            Assert.That(page.HasMore, Is.True, "a full page without a total may have a successor");
            Assert.That(next.Single().Id, Is.EqualTo("user_4"));
            Assert.That(next.HasMore, Is.False, "a short page is the last");
        });
    }

    [Test]
    public async Task WithoutAHint_ThePageSizeIs100()
    {
        _server.ExpectPage("/users", "limit=100", PageJson.Array("user", 1, 4));

        var page = await _server.Clerk.Users.ListAsync().GetPageAsync();

        Assert.That(page.Count, Is.EqualTo(4));
        Assert.That(page.HasMore, Is.False);
    }

    [Test]
    public async Task DataAndTotalCount_ReadsTheTotal_AndTheTokenIsTheNextOffset()
    {
        _server.ExpectPage("/organizations", "query=acme&limit=2&offset=4", PageJson.Data("org", 5, 2, total: 9));

        var page = await _server.Clerk.Organizations.ListAsync(new OrganizationListOptions { Query = "acme" }).GetPageAsync("4", pageSizeHint: 2);

        Assert.That(_server.Requests, Is.EqualTo(new[] { "/organizations?query=acme&limit=2&offset=4" }));
        Assert.That(page.Select(o => o.Id), Is.EqualTo(PageJson.Ids("org", 5, 2)));
        Assert.That(page.TotalCount, Is.EqualTo(9));
        Assert.That(page.ContinuationToken, Is.EqualTo("6"));
    }

    [Test]
    public async Task DataAndTotalCount_APageThatReachesTheTotal_IsTheLast()
    {
        _server.ExpectPage("/organizations", "limit=2&offset=8", PageJson.Data("org", 9, 2, total: 10));

        var page = await _server.Clerk.Organizations.ListAsync().GetPageAsync("8", 2);

        Assert.That(page.HasMore, Is.False);
        Assert.That(page.ContinuationToken, Is.Null);
    }

    [Test]
    public async Task APaginatedOperation_SendsPaginated_AndReadsDataAndTotalCount()
    {
        _server.ExpectPage("/sessions", "user_id=user_1&limit=2&offset=0&paginated=true", PageJson.Data("sess", 1, 2, total: 5));

        var page = await _server.Clerk.Sessions.ListAsync(new SessionListOptions { UserId = "user_1" }).GetPageAsync(pageSizeHint: 2);

        Assert.That(page.Select(s => s.Id), Is.EqualTo(PageJson.Ids("sess", 1, 2)));
        Assert.That(page.TotalCount, Is.EqualTo(5), "paginated=true gives the total of sessions");
        Assert.That(page.ContinuationToken, Is.EqualTo("2"));
    }

    [Test]
    public async Task APaginatedOperation_AnsweredWithABareArray_IsReadToo()
    {
        _server.ExpectPage("/invitations", "limit=2&offset=0&paginated=true", PageJson.Array("inv", 1, 2));

        var page = await _server.Clerk.Invitations.ListAsync().GetPageAsync(pageSizeHint: 2);

        Assert.That(page.Select(i => i.Id), Is.EqualTo(PageJson.Ids("inv", 1, 2)));
        Assert.That(page.TotalCount, Is.Null);
        Assert.That(page.HasMore, Is.True);
    }

    [Test]
    public async Task AGetNamedListOperation_IsAPageable()
    {
        _server.ExpectPage("/users/user_1/organization_memberships", "limit=2&offset=0", PageJson.Data("orgmem", 1, 2, total: 7));

        var page = await _server.Clerk.Users.ListOrganizationMembershipsAsync("user_1").GetPageAsync(pageSizeHint: 2);

        Assert.That(page.Select(m => m.Id), Is.EqualTo(PageJson.Ids("orgmem", 1, 2)));
        Assert.That(page.TotalCount, Is.EqualTo(7));
        Assert.That(page.HasMore, Is.True);
    }

    [Test]
    public async Task AnItemsArrayNotNamedData_IsReadToo()
    {
        _server.ExpectPage("/m2m_tokens", "subject=mch_1&limit=2&offset=2", PageJson.Data("mt", 3, 2, total: 4, itemsProperty: "m2m_tokens"));

        var page = await _server.Clerk.M2M.ListTokensAsync("mch_1").GetPageAsync("2", 2);

        Assert.That(page.Select(t => t.Id), Is.EqualTo(PageJson.Ids("mt", 3, 2)));
        Assert.That(page.TotalCount, Is.EqualTo(4));
        Assert.That(page.HasMore, Is.False);
    }

    [Test]
    public async Task ADataArrayDeclaredByReference_IsReadToo()
    {
        _server.ExpectPage("/scim_directories", "limit=100&offset=1", PageJson.Data("dir", 2, 1, total: 2));

        var page = await _server.Clerk.ScimDirectories.ListAsync().GetPageAsync("1");

        Assert.That(page.Single().Id, Is.EqualTo("dir_2"));
        Assert.That(page.HasMore, Is.False);
    }

    [Test]
    public void ATokenOfTheWrongKind_IsRefused_BeforeAnyRequest()
    {
        var ex = Assert.ThrowsAsync<ArgumentException>(() => _server.Clerk.Organizations.ListAsync().GetPageAsync("user_3"));

        Assert.That(ex!.ParamName, Is.EqualTo("continuationToken"));
        Assert.That(_server.Recorder.Count, Is.Zero);
    }

    [Test]
    public async Task ThePage_IsAReadOnlyListOfItsItems()
    {
        _server.ExpectPage("/sessions", "user_id=user_1&limit=100&offset=0&paginated=true", PageJson.Array("sess", 1, 3));

        var page = await _server.Clerk.Sessions.ListAsync(new SessionListOptions { UserId = "user_1" }).GetPageAsync();

        Assert.Multiple(() =>
        {
            Assert.That(page[0].Id, Is.EqualTo("sess_1"));
            Assert.That(page[2].Id, Is.EqualTo("sess_3"));
            Assert.That(page.Count, Is.EqualTo(3));
            Assert.That(page.Select(s => s.Id), Is.EqualTo(PageJson.Ids("sess", 1, 3)));
            Assert.That(((System.Collections.Generic.ICollection<Session>)page.Items).IsReadOnly, Is.True, "the items cannot be changed through the page");
        });
    }
}
