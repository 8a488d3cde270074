using System.Linq;
using System.Text.RegularExpressions;
using Clerk.Testing.Errors;
using Clerk.Testing.Store;

namespace Clerk.Testing.Resources.Organizations;

/// <summary>Clerk's rules for organizations, apart from the routes that apply them: names, slugs, and the API version
/// from which an update no longer takes metadata.</summary>
internal static class OrganizationRules
{
    /// <summary>From this API version, <c>PATCH /organizations/{id}</c> refuses metadata (it has its own endpoint).</summary>
    private const string MetadataRejectedFrom = "2026-05-12";

    /// <summary>Whether an update under <paramref name="apiVersion"/> refuses <c>public_metadata</c> and <c>private_metadata</c>.</summary>
    public static bool RejectsMetadataOnUpdate(string apiVersion) => string.CompareOrdinal(apiVersion, MetadataRejectedFrom) >= 0;

    /// <summary>A name is 1 to 256 characters, not blank.</summary>
    public static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 256)
        {
            throw Faults.Unprocessable(Faults.ValueInvalid("name", "must be between 1 and 256 characters long."));
        }
    }

    /// <summary>A slug is lowercase alphanumeric words joined by dashes, and unique.</summary>
    public static void CheckSlug(FakeStore store, string slug, string? exceptId)
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
    public static string UniqueSlug(FakeStore store, string name)
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
