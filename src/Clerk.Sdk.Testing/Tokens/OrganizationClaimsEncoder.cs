using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;

namespace Clerk.Testing.Tokens;

/// <summary>
/// Encodes an organization as Clerk's v2 claims: <c>o.rol</c> without the <c>org:</c> prefix; the features of the
/// permissions as <c>fea</c> (<c>o:invoices,o:members</c>); their permission names as <c>o.per</c>; and per feature a
/// decimal bitmap in <c>o.fpm</c> (bit i set = the i-th name of <c>per</c>), which is how Clerk's SDKs decode them.
/// </summary>
internal static class OrganizationClaimsEncoder
{
    public static (Dictionary<string, object> O, string? Features) Encode(FakeOrganizationClaims organization)
    {
        var o = new Dictionary<string, object> { ["id"] = organization.Id };
        if (organization.Slug is not null)
        {
            o["slg"] = organization.Slug;
        }
        var role = organization.Role.StartsWith("org:", StringComparison.Ordinal) ? organization.Role[4..] : organization.Role;
        o["rol"] = role;
        var parsed = organization.Permissions.Select(Parse).ToList();
        if (parsed.Count == 0)
        {
            return (o, null);
        }
        var features = parsed.Select(p => p.Feature).Distinct(StringComparer.Ordinal).ToList();
        var names = parsed.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        var bitmaps = features.Select(feature =>
        {
            var bits = BigInteger.Zero;
            foreach (var (f, name) in parsed.Where(p => p.Feature == feature))
            {
                bits |= BigInteger.One << names.IndexOf(name);
            }
            return bits.ToString(CultureInfo.InvariantCulture);
        });
        o["per"] = string.Join(',', names);
        o["fpm"] = string.Join(',', bitmaps);
        return (o, string.Join(',', features.Select(f => "o:" + f)));
    }

    private static (string Feature, string Name) Parse(string permission)
    {
        var parts = permission.Split(':');
        if (parts.Length != 3 || parts[0] != "org" || parts[1].Length == 0 || parts[2].Length == 0)
        {
            throw new ArgumentException($"An organization permission is 'org:<feature>:<permission>' (org:invoices:read); '{permission}' is not.", nameof(permission));
        }
        return (parts[1], parts[2]);
    }
}
