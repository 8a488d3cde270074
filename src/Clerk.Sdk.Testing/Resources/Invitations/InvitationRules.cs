using System;
using System.Linq;
using Clerk.BackendApi;
using Clerk.Testing.Errors;
using Clerk.Testing.Store;
using Clerk.Testing.Resources.Users;

namespace Clerk.Testing.Resources.Invitations;

/// <summary>Clerk's rules for instance invitations, apart from the routes that apply them: who may be invited, when a
/// pending invitation expires, what may be revoked.</summary>
internal static class InvitationRules
{
    /// <summary>The address must look like one; unless <paramref name="ignoreExisting"/>, no user may have it and no
    /// pending invitation may be out for it.</summary>
    public static void CheckCanInvite(FakeStore store, string emailAddress, bool ignoreExisting, long now)
    {
        if (emailAddress.Count(c => c == '@') != 1)
        {
            throw Faults.Unprocessable(Faults.FormatInvalid("email_address", "must be a valid email address."));
        }
        if (!ignoreExisting)
        {
            if (store.Users.Values.Any(u => UserFactory.Emails(u).Contains(emailAddress, StringComparer.OrdinalIgnoreCase)))
            {
                throw Faults.IdentifierExists("email_address", "email address");
            }
            if (store.Invitations.Values.Any(i => Current(i, now).Status == InvitationStatus.Pending && string.Equals(i.EmailAddress, emailAddress, StringComparison.OrdinalIgnoreCase)))
            {
                throw Faults.BadRequest("duplicate_record", "duplicate invitation", $"There is already a pending invitation for {emailAddress}.", "email_address");
            }
        }
    }

    /// <summary>A pending invitation past its expiry is expired.</summary>
    public static Invitation Current(Invitation invitation, long now)
    {
        if (invitation.Status == InvitationStatus.Pending && invitation.ExpiresAt <= now)
        {
            invitation.Status = InvitationStatus.Expired;
            invitation.UpdatedAt = now;
        }
        return invitation;
    }

    /// <summary>Only a pending invitation can be revoked; revoking a revoked one changes nothing.</summary>
    public static void Revoke(Invitation invitation, long now)
    {
        if (invitation.Status != InvitationStatus.Pending && invitation.Status != InvitationStatus.Revoked)
        {
            throw Faults.BadRequest("invitation_not_pending", "not pending", $"Only a pending invitation can be revoked; this one is {invitation.Status.Value}.");
        }
        if (invitation.Status == InvitationStatus.Pending)
        {
            invitation.Status = InvitationStatus.Revoked;
            invitation.Revoked = true;
            invitation.UpdatedAt = now;
        }
    }
}
