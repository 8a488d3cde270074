using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.BackendApi;
using Clerk.Testing.Hosting;
using Clerk.Testing.Store;
using Clerk.Testing.Resources;

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
        InvitationRules.CheckCanInvite(store, request.EmailAddress, request.IgnoreExisting == true, call.Now);
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
        var invitations = call.Store.Invitations.Values.Select(i => InvitationRules.Current(i, call.Now))
            .Where(i => (status is null || i.Status.Value == status) && (string.IsNullOrEmpty(query) || i.EmailAddress.Contains(query, StringComparison.OrdinalIgnoreCase)));
        return Page.Of(Ordering.Apply(invitations, call, "-created_at", i => i.Id, Fields), call);
    }

    private static InvitationRevoked Revoke(FakeCall call)
    {
        var invitation = InvitationRules.Current(call.Store.Invitation(call.Path("invitation_id")), call.Now);
        InvitationRules.Revoke(invitation, call.Now);
        return Spec.SpecJson.Convert<InvitationRevoked>(invitation);
    }
}
