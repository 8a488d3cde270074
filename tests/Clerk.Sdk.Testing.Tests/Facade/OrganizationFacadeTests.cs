using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Sdk.Testing.Tests.Backends;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Facade;

/// <summary>Organizations and memberships through the facade, on every backend.</summary>
[TestFixtureSource(typeof(ClerkBackends), nameof(ClerkBackends.All))]
public sealed class OrganizationFacadeTests : FacadeTest
{
    public OrganizationFacadeTests(string backend)
        : base(backend)
    {
    }

    [Test]
    public async Task CreatorIsAdmin_MemberIsAdded_RoleChanges_MemberIsRemoved()
    {
        var ownerEmail = Backend.UniqueEmail("owner");
        var memberEmail = Backend.UniqueEmail("member");
        var ownerId = Canned.Id("user");
        var memberId = Canned.Id("user");
        Backend.Script(HttpMethod.Post, "/users", Canned.User(ownerId, ownerEmail, "Olive", null).ToString());
        var owner = await Clerk.Users.CreateAsync(new CreateUserRequest { EmailAddress = [ownerEmail], FirstName = "Olive", SkipPasswordRequirement = true });
        Backend.TrackUser(owner.Id);
        Backend.Script(HttpMethod.Post, "/users", Canned.User(memberId, memberEmail, "Mo", null).ToString());
        var member = await Clerk.Users.CreateAsync(new CreateUserRequest { EmailAddress = [memberEmail], FirstName = "Mo", SkipPasswordRequirement = true });
        Backend.TrackUser(member.Id);

        var slug = "acme-" + System.Guid.NewGuid().ToString("N")[..8];
        var cannedOrg = Canned.Organization(Canned.Id("org"), "Acme", slug);
        Backend.Script(HttpMethod.Post, "/organizations", cannedOrg.ToString());
        var organization = await Clerk.Organizations.CreateAsync(new CreateOrganizationRequest { Name = "Acme", Slug = slug, CreatedBy = owner.Id });
        Backend.TrackOrganization(organization.Id);
        Assert.That((organization.Name, organization.Slug), Is.EqualTo(("Acme", slug)));

        Backend.Script(HttpMethod.Post, $"/organizations/{organization.Id}/memberships", Canned.Membership(cannedOrg, member.Id, "org:member").ToString());
        var membership = await Clerk.OrganizationMemberships.CreateAsync(organization.Id, new CreateOrganizationMembershipRequest { UserId = member.Id, Role = "org:member" });
        Assert.That((membership.Role, membership.PublicUserData!.UserId, membership.Organization.Id), Is.EqualTo(("org:member", member.Id, organization.Id)));

        Backend.Script(HttpMethod.Get, $"/organizations/{organization.Id}/memberships", Canned.Memberships(Canned.Membership(cannedOrg, owner.Id, "org:admin"), Canned.Membership(cannedOrg, member.Id, "org:member")));
        var page = await Clerk.OrganizationMemberships.ListAsync(organization.Id, new OrganizationMembershipListOptions { OrderBy = "created_at" }).GetPageAsync();
        Assert.That(page.TotalCount, Is.EqualTo(2));
        Assert.That(page, Has.Some.Matches<OrganizationMembership>(m => m.PublicUserData!.UserId == owner.Id && m.Role == "org:admin"));

        Backend.Script(HttpMethod.Patch, $"/organizations/{organization.Id}/memberships/{member.Id}", Canned.Membership(cannedOrg, member.Id, "org:admin").ToString());
        var promoted = await Clerk.OrganizationMemberships.UpdateAsync(organization.Id, member.Id, new UpdateOrganizationMembershipRequest { Role = "org:admin" });
        Assert.That(promoted.Role, Is.EqualTo("org:admin"));

        Backend.Script(HttpMethod.Delete, $"/organizations/{organization.Id}/memberships/{member.Id}", Canned.Membership(cannedOrg, member.Id, "org:admin").ToString());
        await Clerk.OrganizationMemberships.DeleteAsync(organization.Id, member.Id);
        Backend.Script(HttpMethod.Get, $"/organizations/{organization.Id}/memberships", Canned.Memberships(Canned.Membership(cannedOrg, owner.Id, "org:admin")));
        var after = await Clerk.OrganizationMemberships.ListAsync(organization.Id).GetPageAsync();
        Assert.That(after.TotalCount, Is.EqualTo(1));
    }
}
