using System.Linq;
using System.Threading.Tasks;
using Clerk.BackendApi;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Fake;

/// <summary>Users: listing (filters, order, paging, count), metadata merge, ban and lock.</summary>
public sealed class UserSemanticsTests : FakeTestBase
{
    [Test]
    public async Task List_FiltersOrdersAndPages()
    {
        await CreateUserAsync("Carol", last: "Zeta");
        await CreateUserAsync("Alice", last: "Beta");
        await CreateUserAsync("Bob", last: "Alpha");

        var newestFirst = await Clerk.Users.ListAsync().GetPageAsync();
        var byLastName = await Clerk.Users.ListAsync(new UserListOptions { OrderBy = "last_name" }).GetPageAsync("1", 2);
        var query = await Clerk.Users.ListAsync(new UserListOptions { Query = "ALI" }).GetPageAsync();
        var byEmail = await Clerk.Users.ListAsync(new UserListOptions { EmailAddress = ["bob@example.com", "carol@example.com"] }).GetPageAsync();
        var count = await Clerk.Users.CountAsync(new UserCountOptions { NameQuery = "o" });

        Assert.Multiple(() =>
        {
            Assert.That(newestFirst.Select(u => u.FirstName), Is.EqualTo(new[] { "Bob", "Alice", "Carol" }));
            Assert.That(byLastName.Select(u => u.LastName), Is.EqualTo(new[] { "Beta", "Zeta" }));
            Assert.That(query.Select(u => u.FirstName), Is.EqualTo(new[] { "Alice" }));
            Assert.That(byEmail.Select(u => u.FirstName), Is.EquivalentTo(new[] { "Bob", "Carol" }));
            Assert.That(count.TotalCountValue, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task UpdateMetadata_MergesDeeplyAndNullRemoves()
    {
        var user = await CreateUserAsync("Meta");
        await Clerk.Users.UpdateMetadataAsync(user.Id, new UpdateUserMetadataRequest { PublicMetadata = Metadata.From(new { plan = "free", limits = new { seats = 3, projects = 1 }, legacy = true }) });

        var merged = await Clerk.Users.UpdateMetadataAsync(user.Id, new UpdateUserMetadataRequest
        {
            PublicMetadata = Metadata.From(Newtonsoft.Json.Linq.JObject.Parse("{\"plan\":\"pro\",\"limits\":{\"seats\":10},\"legacy\":null}")),
        });

        Assert.That(merged.PublicMetadata.ToString(), Is.EqualTo("{\"plan\":\"pro\",\"limits\":{\"seats\":10,\"projects\":1}}"));
    }

    [Test]
    public async Task AnAssignedNull_ClearsTheField_AnUnassignedFieldIsKept()
    {
        var user = await CreateUserAsync("Nully");
        await Clerk.Users.UpdateAsync(user.Id, new UpdateUserRequest { ExternalId = "crm-42", LastName = "Kept" });

        var renamed = await Clerk.Users.UpdateAsync(user.Id, new UpdateUserRequest { FirstName = "Renamed" });
        var cleared = await Clerk.Users.UpdateAsync(user.Id, new UpdateUserRequest { ExternalId = null });
        var fetched = await Clerk.Users.GetAsync(user.Id);

        Assert.Multiple(() =>
        {
            Assert.That(renamed.ExternalId, Is.EqualTo("crm-42"), "a property never assigned is left out, so Clerk keeps it");
            Assert.That(cleared.ExternalId, Is.Null, "an assigned null is sent as null, so Clerk clears it");
            Assert.That(fetched.ExternalId, Is.Null);
            Assert.That(fetched.FirstName, Is.EqualTo("Renamed"));
            Assert.That(fetched.LastName, Is.EqualTo("Kept"));
        });
    }

    [Test]
    public async Task AKeySetToNullWithTheIndexer_IsDeletedByTheMerge_AndARemovedKeyIsKept()
    {
        var user = await CreateUserAsync("Indexer");
        await Clerk.Users.UpdateMetadataAsync(user.Id, new UpdateUserMetadataRequest { PublicMetadata = Metadata.From(new { plan = "pro", seats = 5, region = "eu" }) });

        var patch = Metadata.From(new { seats = 6, region = "us" });
        patch["plan"] = null;          // sent as "plan": null: Clerk's merge deletes it
        patch.Remove("region");        // not sent: Clerk keeps "eu"
        var updated = await Clerk.Users.UpdateMetadataAsync(user.Id, new UpdateUserMetadataRequest { PublicMetadata = patch });
        var fetched = await Clerk.Users.GetAsync(user.Id);

        Assert.That(updated.PublicMetadata.ToString(), Is.EqualTo("{\"seats\":6,\"region\":\"eu\"}"));
        Assert.That(fetched.PublicMetadata["plan"], Is.Null, "the key is gone on the server");
    }

    [Test]
    public async Task Ban_RevokesActiveSessions_LockAndUnlock()
    {
        var user = await CreateUserAsync("Mallory");
        var session = await Clerk.Sessions.CreateAsync(new CreateSessionRequest { UserId = user.Id });

        var banned = await Clerk.Users.BanAsync(user.Id);
        var after = await Clerk.Sessions.GetAsync(session.Id);
        var locked = await Clerk.Users.LockAsync(user.Id);
        var unlocked = await Clerk.Users.UnlockAsync(user.Id);
        var unbanned = await Clerk.Users.UnbanAsync(user.Id);

        Assert.Multiple(() =>
        {
            Assert.That(banned.Banned, Is.True);
            Assert.That(after.Status, Is.EqualTo(SessionStatus.Revoked));
            Assert.That((locked.Locked, unlocked.Locked, unbanned.Banned), Is.EqualTo((true, false, false)));
        });
    }

    [Test]
    public async Task Delete_RemovesTheUserEverywhere()
    {
        var user = await CreateUserAsync("Gone");
        var organization = await Clerk.Organizations.CreateAsync(new CreateOrganizationRequest { Name = "Left Behind", CreatedBy = user.Id });

        await Clerk.Users.DeleteAsync(user.Id);

        var memberships = await Clerk.OrganizationMemberships.ListAsync(organization.Id).GetPageAsync();
        var ex = Assert.ThrowsAsync<ClerkApiException>(() => Clerk.Users.DeleteAsync(user.Id));
        Assert.That((memberships.TotalCount, ex!.Code), Is.EqualTo((0L, "resource_not_found")));
    }
}
