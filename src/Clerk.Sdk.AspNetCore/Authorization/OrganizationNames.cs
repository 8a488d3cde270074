using System;

namespace Clerk.AspNetCore;

/// <summary>Organization role and permission names as Clerk's <c>has()</c> compares them: with one <c>org:</c> prefix.</summary>
internal static class OrganizationNames
{
    private const string Prefix = "org:";

    /// <summary><c>admin</c>, <c>org:admin</c> and <c>org:org:admin</c> all become <c>org:admin</c> (as <c>@clerk/shared</c>'s prefixWithOrg).</summary>
    public static string WithPrefix(string value)
    {
        var rest = value.AsSpan();
        while (rest.StartsWith(Prefix, StringComparison.Ordinal))
        {
            rest = rest[Prefix.Length..];
        }
        return string.Concat(Prefix, rest);
    }
}
