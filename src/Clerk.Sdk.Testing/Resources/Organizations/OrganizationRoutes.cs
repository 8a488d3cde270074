using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Clerk.BackendApi;
using Clerk.Testing.Errors;
using Clerk.Testing.Hosting;
using Clerk.Testing.Store;
using Clerk.Testing.Resources;

namespace Clerk.Testing.Resources.Organizations;

/// <summary>Organizations: create (the creator becomes admin), get by id or slug, list, update, delete, metadata merge.</summary>
internal static class OrganizationRoutes
{
    private const string MetadataRejectedFrom = "2026-05-12";

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
        CheckName(request.Name);
        var creator = request.CreatedBy is { } createdBy ? store.User(createdBy) : null;
        var slug = request.Slug ?? UniqueSlug(store, request.Name);
        CheckSlug(store, slug, exceptId: null);
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
            MembershipRoutes.Add(store, organization, creator.Id, Roles.Admin, null, null, now);
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
        if (string.CompareOrdinal(call.ApiVersion, MetadataRejectedFrom) >= 0)
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
            CheckName(request.Name);
            organization.Name = request.Name;
        }
        if (request.Slug is not null)
        {
            CheckSlug(call.Store, request.Slug, organization.Id);
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

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 256)
        {
            throw Faults.Unprocessable(Faults.ValueInvalid("name", "must be between 1 and 256 characters long."));
        }
    }

    private static void CheckSlug(FakeStore store, string slug, string? exceptId)
    {
        if (!Regex.IsMatch(slug, "^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant))
        {
            throw Faults.Unprocessable(Faults.FormatInvalid("slug", "can contain only lowercase alphanumeric characters and the dash \"-\"."));
        }
        if (store.Organizations.Values.Any(o => o.Id != exceptId && o.Slug == slug))
        {
            throw Faults.IdentifierExists("slug", "slug");
        }
    }

    /// <summary>A slug from the name (<c>Acme Inc.</c> → <c>acme-inc</c>), with a suffix when it is taken.</summary>
    private static string UniqueSlug(FakeStore store, string name)
    {
        var slug = Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        slug = slug.Length == 0 ? "organization" : slug;
        var candidate = slug;
        while (store.Organizations.Values.Any(o => o.Slug == candidate))
        {
            candidate = slug + "-" + ClerkIds.Random(6).ToLowerInvariant();
        }
        return candidate;
    }
}
