using System;
using System.Collections.Generic;

namespace Clerk.Authentication;

/// <summary>The active organization derived from session claims (see <see cref="OrganizationClaimsParser"/>).</summary>
internal sealed class OrganizationClaims
{
    public static readonly OrganizationClaims None = new(null, null, null, Array.Empty<string>());

    public OrganizationClaims(string? id, string? slug, string? role, IReadOnlyList<string> permissions)
    {
        Id = id;
        Slug = slug;
        Role = role;
        Permissions = permissions;
    }

    public string? Id { get; }

    public string? Slug { get; }

    public string? Role { get; }

    public IReadOnlyList<string> Permissions { get; }
}
