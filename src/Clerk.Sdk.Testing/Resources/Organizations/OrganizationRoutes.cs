using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.BackendApi;
using Clerk.Testing.Errors;
using Clerk.Testing.Hosting;
using Clerk.Testing.Store;
using Clerk.Testing.Resources;

namespace Clerk.Testing.Resources.Organizations;

/// <summary>Organizations: create (the creator becomes admin), get by id or slug, list, update, delete, metadata merge.</summary>
internal static class OrganizationRoutes
{
    private static readonly Dictionary<string, Func<Organization, IComparable?>> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = o => o.Name,
        ["created_at"] = o => o.CreatedAt,
        ["members_count"] = o => o.MembersCount,
    };

    public static void Map(FakeRoutes routes)
    {
        routes.Map(ClerkOperations.Organizations_Create, Create);
        routes.Map(ClerkOperations.Organizations_Get, call => OrganizationViews.Organization(call.Store, call.Store.Organization(call.Path("organization_id")), call.QueryBool("include_members_count") == true));
        routes.Map(ClerkOperations.Organizations_List, List);
        routes.Map(ClerkOperations.Organizations_Update, Update);
        routes.Map(ClerkOperations.Organizations_Delete, Delete);
        routes.Map(ClerkOperations.Organizations_UpdateMetadata, MergeMetadata);
    }

    private static Organization Create(FakeCall call)
    {
        var request = call.BodyAs<CreateOrganizationRequest>();
        var store = call.Store;
        OrganizationRules.CheckName(request.Name);
        var creator = request.CreatedBy is { } createdBy ? store.User(createdBy) : null;
        var slug = request.Slug ?? OrganizationRules.UniqueSlug(store, request.Name);
        OrganizationRules.CheckSlug(store, slug, exceptId: null);
        var now = call.Now;
        var organization = new Organization
        {
            Object = "organization",
            Id = ClerkIds.New("org"),
            Name = request.Name,
            Slug = slug,
            HasImage = false,
            MaxAllowedMemberships = request.MaxAllowedMemberships ?? 0,
            AdminDeleteEnabled = true,
            PublicMetadata = MetadataMerge.Copy(request.PublicMetadata),
            PrivateMetadata = MetadataMerge.Copy(request.PrivateMetadata),
            CreatedBy = creator?.Id,
            RoleSetKey = request.RoleSetKey,
            CreatedAt = Timestamps.Parse(request.CreatedAt, "created_at") ?? now,
            UpdatedAt = now,
        };
        organization.ImageUrl = "https://img.clerk.test/" + organization.Id;
        store.Organizations[organization.Id] = organization;
        store.Created(organization.Id);
        if (creator is not null)
        {
            MembershipRules.Add(store, organization, creator.Id, Roles.Admin, null, null, now);
        }
        return organization;
    }

    private static global::Clerk.BackendApi.Organizations List(FakeCall call)
    {
        var store = call.Store;
        var includeCount = call.QueryBool("include_members_count") == true;
        IEnumerable<Organization> result = store.Organizations.Values.Select(o => OrganizationViews.Organization(store, o, includeCount || call.Query("order_by")?.TrimStart('+', '-') == "members_count"));
        var userIds = call.QueryAll("user_id");
        if (userIds.Length > 0)
        {
            var organizationIds = store.Memberships.Where(m => userIds.Contains(m.UserId)).Select(m => m.OrganizationId).ToHashSet();
            result = result.Where(o => organizationIds.Contains(o.Id));
        }
        var ids = call.QueryAll("organization_id");
        if (ids.Length > 0)
        {
            result = result.Where(o => ids.Contains(o.Id));
        }
        if (call.Query("query") is { Length: > 0 } query)
        {
            result = result.Where(o => o.Id.Contains(query, StringComparison.OrdinalIgnoreCase) || o.Name.Contains(query, StringComparison.OrdinalIgnoreCase) || o.Slug.Contains(query, StringComparison.OrdinalIgnoreCase));
        }
        var all = Ordering.Apply(result, call, "-created_at", o => o.Id, Fields).ToList();
        var page = Page.Of(all, call);
        if (!includeCount)
        {
            page.ForEach(o => o.MembersCount = null);
        }
        return new global::Clerk.BackendApi.Organizations { Data = page, TotalCount = all.Count };
    }

    private static Organization Update(FakeCall call)
    {
        var organization = call.Store.Organization(call.Path("organization_id"));
        if (OrganizationRules.RejectsMetadataOnUpdate(call.ApiVersion))
        {
            var rejected = new[] { "public_metadata", "private_metadata" }.Where(call.Has).Select(Faults.Unknown).ToList();
            if (rejected.Count > 0)
            {
                throw new FakeErrorException(422, rejected);
            }
        }
        var request = call.BodyAs<UpdateOrganizationRequest>();
        if (request.Name is not null)
        {
            OrganizationRules.CheckName(request.Name);
            organization.Name = request.Name;
        }
        if (request.Slug is not null)
        {
            OrganizationRules.CheckSlug(call.Store, request.Slug, organization.Id);
            organization.Slug = request.Slug;
        }
        organization.MaxAllowedMemberships = request.MaxAllowedMemberships ?? organization.MaxAllowedMemberships;
        organization.AdminDeleteEnabled = request.AdminDeleteEnabled ?? organization.AdminDeleteEnabled;
        organization.RoleSetKey = call.Has("role_set_key") ? request.RoleSetKey : organization.RoleSetKey;
        organization.CreatedAt = Timestamps.Parse(request.CreatedAt, "created_at") ?? organization.CreatedAt;
        if (call.Has("public_metadata"))
        {
            organization.PublicMetadata = MetadataMerge.Copy(request.PublicMetadata);
        }
        if (call.Has("private_metadata"))
        {
            organization.PrivateMetadata = MetadataMerge.Copy(request.PrivateMetadata);
        }
        organization.UpdatedAt = call.Now;
        return OrganizationViews.Organization(call.Store, organization, includeMembersCount: false);
    }

    private static DeletedObject Delete(FakeCall call)
    {
        var organization = call.Store.Organization(call.Path("organization_id"));
        call.Store.Organizations.Remove(organization.Id);
        call.Store.Memberships.RemoveAll(m => m.OrganizationId == organization.Id);
        return new DeletedObject { Object = "organization", Id = organization.Id, Slug = organization.Slug, Deleted = true };
    }

    private static Organization MergeMetadata(FakeCall call)
    {
        var organization = call.Store.Organization(call.Path("organization_id"));
        var request = call.BodyAs<UpdateOrganizationMetadataRequest>();
        organization.PublicMetadata = MetadataMerge.Merge(organization.PublicMetadata, request.PublicMetadata);
        organization.PrivateMetadata = MetadataMerge.Merge(organization.PrivateMetadata, request.PrivateMetadata);
        organization.UpdatedAt = call.Now;
        return OrganizationViews.Organization(call.Store, organization, includeMembersCount: false);
    }
}
