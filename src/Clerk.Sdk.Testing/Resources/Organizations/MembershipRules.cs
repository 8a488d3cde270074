using System.Linq;
using Clerk.BackendApi;
using Clerk.Testing.Errors;
using Clerk.Testing.Store;

namespace Clerk.Testing.Resources.Organizations;

/// <summary>Clerk's rules for organization memberships, apart from the routes that apply them: role keys, one
/// membership per user, the organization's membership limit.</summary>
internal static class MembershipRules
{
    /// <summary>Adds a member (checks done by the caller).</summary>
    public static FakeMembership Add(FakeStore store, Organization organization, string userId, string role, Metadata? publicMetadata, Metadata? privateMetadata, long now)
    {
        var membership = new FakeMembership
        {
            Id = ClerkIds.New("orgmem"),
            OrganizationId = organization.Id,
            UserId = userId,
            Role = role,
            PublicMetadata = MetadataMerge.Copy(publicMetadata),
            PrivateMetadata = MetadataMerge.Copy(privateMetadata),
            CreatedAt = now,
            UpdatedAt = now,
        };
        store.Memberships.Add(membership);
        store.Created(membership.Id);
        return membership;
    }

    /// <summary>A role is a key as Clerk names them (<c>org:admin</c>, <c>org:member</c>, <c>org:&lt;key&gt;</c>).</summary>
    public static void CheckRole(string role)
    {
        if (!Roles.IsWellFormed(role))
        {
            throw Faults.Unprocessable(Faults.FormatInvalid("role", "must be a role key such as org:admin or org:member."));
        }
    }

    /// <summary>A user joins once, and not beyond the organization's <c>max_allowed_memberships</c> (0: no limit).</summary>
    public static void CheckCanJoin(FakeStore store, Organization organization, string userId)
    {
        if (store.Membership(organization.Id, userId) is not null)
        {
            throw Faults.BadRequest("already_a_member_in_organization", "already a member", $"User is already a member of the organization {organization.Id}.");
        }
        var count = store.Memberships.Count(m => m.OrganizationId == organization.Id);
        if (organization.MaxAllowedMemberships > 0 && count >= organization.MaxAllowedMemberships)
        {
            throw new FakeErrorException(403, new FakeError("organization_membership_quota_exceeded", "membership quota exceeded", $"The organization has reached its limit of {organization.MaxAllowedMemberships} memberships."));
        }
    }
}
