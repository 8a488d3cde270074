using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.BackendApi;
using Clerk.Testing.Errors;
using Clerk.Testing.Hosting;
using Clerk.Testing.Store;
using Clerk.Testing.Resources;
using Clerk.Testing.Resources.Users;

namespace Clerk.Testing.Resources.Invitations;

/// <summary>Instance invitations: create, list (status, query, order), revoke. No email is sent.</summary>
internal static class InvitationRoutes
{
    private static readonly Dictionary<string, Func<Invitation, IComparable?>> Fields = new(StringComparer.Ordinal)
    {
        ["created_at"] = i => i.CreatedAt,
        ["email_address"] = i => i.EmailAddress,
        ["expires_at"] = i => i.ExpiresAt,
    };

    public static void Map(FakeRoutes routes)
    {
        routes.Map(ClerkOperations.Invitations_Create, Create);
        routes.Map(ClerkOperations.Invitations_List, List);
        routes.Map(ClerkOperations.Invitations_Revoke, Revoke);
    }

    private static Invitation Create(FakeCall call)
    {
        var request = call.BodyAs<CreateInvitationRequest>();
        var store = call.Store;
        if (request.EmailAddress.Count(c => c == '@') != 1)
        {
            throw Faults.Unprocessable(Faults.FormatInvalid("email_address", "must be a valid email address."));
        }
        if (request.IgnoreExisting != true)
        {
            if (store.Users.Values.Any(u => UserFactory.Emails(u).Contains(request.EmailAddress, StringComparer.OrdinalIgnoreCase)))
            {
                throw Faults.IdentifierExists("email_address", "email address");
            }
            if (store.Invitations.Values.Any(i => Current(i, call.Now).Status == InvitationStatus.Pending && string.Equals(i.EmailAddress, request.EmailAddress, StringComparison.OrdinalIgnoreCase)))
            {
                throw Faults.BadRequest("duplicate_record", "duplicate invitation", $"There is already a pending invitation for {request.EmailAddress}.", "email_address");
            }
        }
        var now = call.Now;
        var invitation = new Invitation
        {
            Object = "invitation",
            Id = ClerkIds.New("inv"),
            EmailAddress = request.EmailAddress,
            PublicMetadata = MetadataMerge.Copy(request.PublicMetadata),
            Revoked = false,
            Status = InvitationStatus.Pending,
            Url = call.Instance.FrontendApiUrl + "/v1/tickets/accept?ticket=" + ClerkIds.Random(32),
            ExpiresAt = now + (long)TimeSpan.FromDays(request.ExpiresInDays ?? 30).TotalMilliseconds,
            CreatedAt = now,
            UpdatedAt = now,
        };
        store.Invitations[invitation.Id] = invitation;
        store.Created(invitation.Id);
        return invitation;
    }

    private static List<Invitation> List(FakeCall call)
    {
        var status = call.Query("status");
        var query = call.Query("query");
        var invitations = call.Store.Invitations.Values.Select(i => Current(i, call.Now))
            .Where(i => (status is null || i.Status.Value == status) && (string.IsNullOrEmpty(query) || i.EmailAddress.Contains(query, StringComparison.OrdinalIgnoreCase)));
        return Page.Of(Ordering.Apply(invitations, call, "-created_at", i => i.Id, Fields), call);
    }

    private static InvitationRevoked Revoke(FakeCall call)
    {
        var invitation = Current(call.Store.Invitation(call.Path("invitation_id")), call.Now);
        if (invitation.Status != InvitationStatus.Pending && invitation.Status != InvitationStatus.Revoked)
        {
            throw Faults.BadRequest("invitation_not_pending", "not pending", $"Only a pending invitation can be revoked; this one is {invitation.Status.Value}.");
        }
        if (invitation.Status == InvitationStatus.Pending)
        {
            invitation.Status = InvitationStatus.Revoked;
            invitation.Revoked = true;
            invitation.UpdatedAt = call.Now;
        }
        return Spec.SpecJson.Convert<InvitationRevoked>(invitation);
    }

    /// <summary>A pending invitation past its expiry is expired.</summary>
    private static Invitation Current(Invitation invitation, long now)
    {
        if (invitation.Status == InvitationStatus.Pending && invitation.ExpiresAt <= now)
        {
            invitation.Status = InvitationStatus.Expired;
            invitation.UpdatedAt = now;
        }
        return invitation;
    }
}
