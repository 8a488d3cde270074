using System.Linq;
using System.Threading.Tasks;
using Clerk.BackendApi;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Paging;

/// <summary>
/// The page form (<c>ListAsync</c> and its kin) of both response shapes: the exact request (filters, limit and offset
/// exactly as given, nothing added), then a <see cref="ClerkPage{T}"/> with the items, the total where the API gives
/// one, the offset, the limit and whether more follow.
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
    public async Task BareArray_SendsFiltersLimitAndOffset_AndReadsAFullPageWithoutATotal()
    {
        _server.ExpectPage("/users", "email_address=a%40example.com&email_address=b%40example.com&limit=3&offset=6&order_by=-created_at",
            PageJson.Array("user", 7, 3));

        var page = await _server.Clerk.Users.ListAsync(emailAddress: ["a@example.com", "b@example.com"], orderBy: "-created_at", limit: 3, offset: 6);

        _server.VerifyAllPagesRequested();
        Assert.That(_server.Requests, Is.EqualTo(new[] { "/users?email_address=a%40example.com&email_address=b%40example.com&limit=3&offset=6&order_by=-created_at" }));
        Assert.That(page.Select(u => u.Id), Is.EqualTo(PageJson.Ids("user", 7, 3)));
        Assert.Multiple(() =>
        {
            Assert.That(page.TotalCount, Is.Null, "a bare array has no total");
            Assert.That(page.Offset, Is.EqualTo(6));
            Assert.That(page.Limit, Is.EqualTo(3));
            Assert.That(page.HasMore, Is.True, "a full page without a total may have a successor");
            Assert.That(page.NextOffset, Is.EqualTo(9));
        });
    }

    [Test]
    public async Task BareArray_WithoutLimitOrOffset_SendsNeither_AndTheApiDefaultIsThePageLimit()
    {
        _server.ExpectPage("/users", null, PageJson.Array("user", 1, 4));

        var page = await _server.Clerk.Users.ListAsync();

        Assert.That(_server.Requests, Is.EqualTo(new[] { "/users" }));
        Assert.Multiple(() =>
        {
            Assert.That(page, Has.Count.EqualTo(4));
            Assert.That(page.Offset, Is.Zero);
            Assert.That(page.Limit, Is.EqualTo(10), "the spec's default limit for GET /users");
            Assert.That(page.HasMore, Is.False, "4 items of 10: the last page");
        });
    }

    [Test]
    public async Task DataAndTotalCount_SendsFiltersLimitAndOffset_AndReadsTheTotal()
    {
        _server.ExpectPage("/organizations", "query=acme&limit=3&offset=20", PageJson.Data("org", 21, 3, total: 25));

        var page = await _server.Clerk.Organizations.ListAsync(query: "acme", limit: 3, offset: 20);

        _server.VerifyAllPagesRequested();
        Assert.That(_server.Requests, Is.EqualTo(new[] { "/organizations?query=acme&limit=3&offset=20" }));
        Assert.That(page.Items.Select(o => o.Id), Is.EqualTo(PageJson.Ids("org", 21, 3)));
        Assert.Multiple(() =>
        {
            Assert.That(page.TotalCount, Is.EqualTo(25));
            Assert.That(page.Offset, Is.EqualTo(20));
            Assert.That(page.Limit, Is.EqualTo(3));
            Assert.That(page.HasMore, Is.True, "23 of 25 read");
        });
    }

    [Test]
    public async Task DataAndTotalCount_LastPage_HasNoMore()
    {
        _server.ExpectPage("/organizations/org_1/memberships", "limit=10&offset=20", PageJson.Data("orgmem", 21, 5, total: 25));

        var page = await _server.Clerk.OrganizationMemberships.ListAsync("org_1", limit: 10, offset: 20);

        Assert.That(_server.Requests, Is.EqualTo(new[] { "/organizations/org_1/memberships?limit=10&offset=20" }));
        Assert.That(page.Select(m => m.Id), Is.EqualTo(PageJson.Ids("orgmem", 21, 5)));
        Assert.That(page.HasMore, Is.False, "offset 20 + 5 items reach the total 25");
    }

    [Test]
    public async Task AGetNamedListOperation_ReturnsAPage()
    {
        _server.ExpectPage("/users/user_1/organization_memberships", "limit=2", PageJson.Data("orgmem", 1, 2, total: 7));

        var page = await _server.Clerk.Users.ListOrganizationMembershipsAsync("user_1", limit: 2);

        Assert.That(_server.Requests, Is.EqualTo(new[] { "/users/user_1/organization_memberships?limit=2" }));
        Assert.That(page.Select(m => m.Id), Is.EqualTo(PageJson.Ids("orgmem", 1, 2)));
        Assert.That(page.TotalCount, Is.EqualTo(7));
        Assert.That(page.HasMore, Is.True);
    }

    [Test]
    public async Task AnItemsArrayNotNamedData_IsReadToo()
    {
        _server.ExpectPage("/m2m_tokens", "subject=mch_1&limit=2&offset=2", PageJson.Data("mt", 3, 2, total: 4, itemsProperty: "m2m_tokens"));

        var page = await _server.Clerk.M2M.ListTokensAsync("mch_1", limit: 2, offset: 2);

        Assert.That(_server.Requests, Is.EqualTo(new[] { "/m2m_tokens?subject=mch_1&limit=2&offset=2" }));
        Assert.That(page.Select(t => t.Id), Is.EqualTo(PageJson.Ids("mt", 3, 2)));
        Assert.That(page.TotalCount, Is.EqualTo(4));
        Assert.That(page.HasMore, Is.False);
    }

    [Test]
    public async Task ADataArrayDeclaredByReference_IsReadToo()
    {
        _server.ExpectPage("/scim_directories", "offset=1", PageJson.Data("dir", 2, 1, total: 2));

        var page = await _server.Clerk.ScimDirectories.ListAsync(offset: 1);

        Assert.That(page.Single().Id, Is.EqualTo("dir_2"));
        Assert.That(page.Offset, Is.EqualTo(1));
        Assert.That(page.Limit, Is.EqualTo(10));
        Assert.That(page.HasMore, Is.False);
    }

    [Test]
    public async Task ThePage_IsAReadOnlyListOfItsItems()
    {
        _server.ExpectPage("/sessions", "user_id=user_1", PageJson.Array("sess", 1, 3));

        var page = await _server.Clerk.Sessions.ListAsync(userId: "user_1");

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
