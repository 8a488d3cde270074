using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.BackendApi;
using Clerk.Testing.Errors;
using Clerk.Testing.Hosting;
using Clerk.Testing.Store;
using Clerk.Testing.Resources;
using Clerk.Testing.Resources.Users;

namespace Clerk.Testing.Resources.Organizations;

/// <summary>Organization memberships: create, list (by organization or by user), change role, delete.</summary>
internal static class MembershipRoutes
{
    private static readonly Dictionary<string, Func<(FakeMembership M, User? U), IComparable?>> Fields = new(StringComparer.Ordinal)
    {
        ["created_at"] = x => x.M.CreatedAt,
        ["first_name"] = x => x.U?.FirstName,
        ["last_name"] = x => x.U?.LastName,
        ["username"] = x => x.U?.Username,
        ["email_address"] = x => x.U?.EmailAddresses.FirstOrDefault(e => e.Id == x.U.PrimaryEmailAddressId)?.EmailAddressValue,
        ["phone_number"] = x => x.U?.PhoneNumbers.FirstOrDefault(p => p.Id == x.U.PrimaryPhoneNumberId)?.PhoneNumberValue,
    };

    public static void Map(FakeRoutes routes)
    {
        routes.Map(ClerkOperations.OrganizationMemberships_Create, Create);
        routes.Map(ClerkOperations.OrganizationMemberships_List, List);
        routes.Map(ClerkOperations.OrganizationMemberships_Update, Update);
        routes.Map(ClerkOperations.OrganizationMemberships_Delete, Delete);
        routes.Map(ClerkOperations.Users_ListOrganizationMemberships, ListOfUser);
    }

    private static OrganizationMembership Create(FakeCall call)
    {
        var store = call.Store;
        var organization = store.Organization(call.Path("organization_id"));
        var request = call.BodyAs<CreateOrganizationMembershipRequest>();
        var user = store.User(request.UserId);
        MembershipRules.CheckRole(request.Role);
        MembershipRules.CheckCanJoin(store, organization, user.Id);
        var membership = MembershipRules.Add(store, organization, user.Id, request.Role, request.PublicMetadata, request.PrivateMetadata, call.Now);
        return OrganizationViews.Membership(store, membership);
    }

    private static OrganizationMemberships List(FakeCall call)
    {
        var store = call.Store;
        var organization = store.Organization(call.Path("organization_id"));
        var rows = store.Memberships.Where(m => m.OrganizationId == organization.Id)
            .Select(m => (M: m, U: store.Users.GetValueOrDefault(m.UserId)));
        var userIds = call.QueryAll("user_id");
        var roles = call.QueryAll("role");
        var emails = call.QueryAll("email_address");
        rows = rows.Where(x => (userIds.Length == 0 || userIds.Contains(x.M.UserId))
            && (roles.Length == 0 || roles.Contains(x.M.Role))
            && (emails.Length == 0 || (x.U is not null && UserFactory.Emails(x.U).Any(e => emails.Contains(e, StringComparer.OrdinalIgnoreCase)))));
        if (call.Query("query") is { Length: > 0 } query)
        {
            rows = rows.Where(x => x.U is not null && new[] { x.U.Id, x.U.FirstName, x.U.LastName, x.U.Username }.Concat(UserFactory.Emails(x.U))
                .Any(v => v is not null && v.Contains(query, StringComparison.OrdinalIgnoreCase)));
        }
        var ordered = Ordering.Apply(rows, call, "created_at", x => x.M.Id, Fields).Select(x => x.M);
        return OrganizationViews.Page(store, ordered, call);
    }

    private static OrganizationMemberships ListOfUser(FakeCall call)
    {
        var user = call.Store.User(call.Path("user_id"));
        var memberships = call.Store.Memberships.Where(m => m.UserId == user.Id).OrderByDescending(m => call.Store.OrderOf(m.Id));
        return OrganizationViews.Page(call.Store, memberships, call);
    }

    private static OrganizationMembership Update(FakeCall call)
    {
        var membership = Find(call);
        var request = call.BodyAs<UpdateOrganizationMembershipRequest>();
        MembershipRules.CheckRole(request.Role);
        membership.Role = request.Role;
        membership.UpdatedAt = call.Now;
        return OrganizationViews.Membership(call.Store, membership);
    }

    private static OrganizationMembership Delete(FakeCall call)
    {
        var membership = Find(call);
        var view = OrganizationViews.Membership(call.Store, membership);
        call.Store.Memberships.Remove(membership);
        return view;
    }

    private static FakeMembership Find(FakeCall call)
    {
        var organization = call.Store.Organization(call.Path("organization_id"));
        return call.Store.Membership(organization.Id, call.Path("user_id")) ?? throw Faults.NotFound("Organization membership");
    }
}
