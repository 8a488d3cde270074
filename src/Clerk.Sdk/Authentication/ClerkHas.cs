using System;
using System.Collections.Generic;
using System.Linq;

namespace Clerk.Authentication;

/// <summary>
/// Clerk's <c>has()</c> (<c>@clerk/shared</c>'s authorization): role and permission in the active organization (names
/// compared with one <c>org:</c> prefix), billing features and plans from <c>fea</c>/<c>pla</c> (<c>o:</c> organization,
/// <c>u:</c> user, <c>ou:</c> both; a scope asked for, <c>org:</c>/<c>organization:</c> or <c>user:</c>, must match).
/// Every dimension asked for must pass; nothing asked for is false.
/// </summary>
internal static class ClerkHas
{
    private static readonly HashSet<string> OrganizationScopes = new(StringComparer.Ordinal) { "o", "org", "organization" };
    private static readonly HashSet<string> UserScopes = new(StringComparer.Ordinal) { "u", "user" };

    public static bool Check(ClerkSessionClaims claims, string? role, string? permission, string? feature, string? plan)
    {
        if (role is null && permission is null && feature is null && plan is null) return false;
        if (role is not null || permission is not null)
        {
            if (string.IsNullOrEmpty(claims.OrganizationId)) return false;
            if (role is not null && (string.IsNullOrEmpty(claims.OrganizationRole) || WithOrgPrefix(claims.OrganizationRole) != WithOrgPrefix(role))) return false;
            if (permission is not null && !claims.OrganizationPermissions.Contains(WithOrgPrefix(permission), StringComparer.Ordinal)) return false;
        }
        if (feature is not null && !FeatureOrPlan(claims.Features, feature)) return false;
        if (plan is not null && !FeatureOrPlan(claims.Plans, plan)) return false;
        return true;
    }

    /// <summary><c>admin</c>, <c>org:admin</c> and <c>org:org:admin</c> are all <c>org:admin</c>.</summary>
    public static string WithOrgPrefix(string value)
    {
        var rest = value.AsSpan();
        while (rest.StartsWith("org:", StringComparison.Ordinal)) rest = rest[4..];
        return string.Concat("org:", rest);
    }

    /// <summary>Whether the scoped list (<c>o:a,u:b,ou:c</c>) holds <paramref name="wanted"/> (<c>a</c>, <c>org:a</c>, <c>user:b</c>).</summary>
    private static bool FeatureOrPlan(string? claim, string wanted)
    {
        if (string.IsNullOrEmpty(claim)) return false;
        var organization = new List<string>();
        var user = new List<string>();
        foreach (var raw in claim.Split(','))
        {
            var part = raw.Trim();
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) return false; // Clerk throws on such a claim and has() is false
            var (scope, value) = (part[..colon], part[(colon + 1)..]);
            if (scope is "o" or "ou" or "uo") organization.Add(value);
            if (scope is "u" or "ou" or "uo") user.Add(value);
        }
        var segments = wanted.Split(':');
        if (segments.Length == 1) return organization.Contains(wanted, StringComparer.Ordinal) || user.Contains(wanted, StringComparer.Ordinal);
        var (wantedScope, id) = (segments[0], segments[1]);
        if (OrganizationScopes.Contains(wantedScope)) return organization.Contains(id, StringComparer.Ordinal);
        return UserScopes.Contains(wantedScope) && user.Contains(id, StringComparer.Ordinal);
    }
}
