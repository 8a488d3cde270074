using System.Linq;
using Clerk.BackendApi;
using Clerk.Testing.Store;

namespace Clerk.Testing.Resources.Organizations;

/// <summary>Response models built from the stored organizations and memberships.</summary>
internal static class OrganizationViews
{
    /// <summary>An organization as returned, with <c>members_count</c> when asked for.</summary>
    public static Organization Organization(FakeStore store, Organization organization, bool includeMembersCount)
    {
        if (!includeMembersCount)
        {
            organization.MembersCount = null;
            return organization;
        }
        organization.MembersCount = store.Memberships.Count(m => m.OrganizationId == organization.Id);
        return organization;
    }

    public static OrganizationMembership Membership(FakeStore store, FakeMembership membership)
    {
        var organization = store.Organizations[membership.OrganizationId];
        store.Users.TryGetValue(membership.UserId, out var user);
        return new OrganizationMembership
        {
            Id = membership.Id,
            Object = "organization_membership",
            Role = membership.Role,
            RoleName = Roles.NameOf(membership.Role),
            Permissions = Roles.PermissionsOf(membership.Role),
            PublicMetadata = MetadataMerge.Copy(membership.PublicMetadata),
            PrivateMetadata = MetadataMerge.Copy(membership.PrivateMetadata),
            Organization = SpecCopy(Organization(store, organization, includeMembersCount: false)),
            PublicUserData = new OrganizationMembershipPublicUserData
            {
                UserId = membership.UserId,
                FirstName = user?.FirstName,
                LastName = user?.LastName,
#pragma warning disable CS0612 // Clerk still sends the deprecated profile_image_url
                ProfileImageUrl = user?.ProfileImageUrl,
#pragma warning restore CS0612
                ImageUrl = user?.ImageUrl ?? "https://img.clerk.test/" + membership.UserId,
                HasImage = user?.HasImage ?? false,
                Identifier = user?.EmailAddresses.FirstOrDefault(e => e.Id == user.PrimaryEmailAddressId)?.EmailAddressValue ?? user?.Username,
                Username = user?.Username,
                Banned = user?.Banned ?? false,
            },
            CreatedAt = membership.CreatedAt,
            UpdatedAt = membership.UpdatedAt,
        };
    }

    public static OrganizationMemberships Page(FakeStore store, System.Collections.Generic.IEnumerable<FakeMembership> all, Hosting.FakeCall call)
    {
        var list = all.ToList();
        return new OrganizationMemberships
        {
            Data = Hosting.Page.Of(list, call).Select(m => Membership(store, m)).ToList(),
            TotalCount = list.Count,
        };
    }

    private static Organization SpecCopy(Organization organization) => Spec.SpecJson.Convert<Organization>(organization);
}
