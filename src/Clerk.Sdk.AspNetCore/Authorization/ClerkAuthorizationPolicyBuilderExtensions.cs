using System;
using Clerk.AspNetCore;

namespace Microsoft.AspNetCore.Authorization;

/// <summary>
/// Organization role and permission checks for policies:
/// <c>options.AddPolicy("invoices", p => p.RequireOrganizationPermission("org:invoices:read"))</c>, or inline
/// <c>app.MapGet(...).RequireAuthorization(p => p.RequireOrganizationRole("org:admin"))</c>.
/// </summary>
public static class ClerkAuthorizationPolicyBuilderExtensions
{
    /// <summary>Requires an active organization in which the user has one of <paramref name="roles"/> (see <see cref="ClerkOrganizationRoleRequirement"/>).</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="roles">The accepted roles, e.g. <c>org:admin</c> (any one suffices).</param>
    /// <returns>The builder.</returns>
    public static AuthorizationPolicyBuilder RequireOrganizationRole(this AuthorizationPolicyBuilder builder, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new ClerkOrganizationRoleRequirement(roles));
    }

    /// <summary>Requires an active organization in which the user has <paramref name="permission"/> (see <see cref="ClerkOrganizationPermissionRequirement"/>).</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="permission">The permission, e.g. <c>org:invoices:read</c>.</param>
    /// <returns>The builder.</returns>
    public static AuthorizationPolicyBuilder RequireOrganizationPermission(this AuthorizationPolicyBuilder builder, string permission)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new ClerkOrganizationPermissionRequirement(permission));
    }
}
