using System;
using Clerk.AspNetCore;

namespace Microsoft.AspNetCore.Authorization;

/// <summary>
/// Clerk's <c>has()</c> checks for policies (organization role and permission, billing feature and plan):
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

    /// <summary>Requires the billing <paramref name="feature"/> (Clerk's <c>has({ feature })</c>: <c>export</c>, <c>org:export</c> or <c>user:export</c>).</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="feature">The feature.</param>
    /// <returns>The builder.</returns>
    public static AuthorizationPolicyBuilder RequireFeature(this AuthorizationPolicyBuilder builder, string feature)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new ClerkHasRequirement(feature: feature));
    }

    /// <summary>Requires the billing <paramref name="plan"/> (Clerk's <c>has({ plan })</c>: <c>pro</c>, <c>org:pro</c> or <c>user:pro</c>).</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="plan">The plan.</param>
    /// <returns>The builder.</returns>
    public static AuthorizationPolicyBuilder RequirePlan(this AuthorizationPolicyBuilder builder, string plan)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new ClerkHasRequirement(plan: plan));
    }

    /// <summary>Requires everything given, as Clerk's <c>has({ role, permission, feature, plan })</c> (see <see cref="ClerkHasRequirement"/>).</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="role">An organization role.</param>
    /// <param name="permission">An organization permission.</param>
    /// <param name="feature">A billing feature.</param>
    /// <param name="plan">A billing plan.</param>
    /// <returns>The builder.</returns>
    public static AuthorizationPolicyBuilder RequireClerk(this AuthorizationPolicyBuilder builder, string? role = null, string? permission = null, string? feature = null, string? plan = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new ClerkHasRequirement(role, permission, feature, plan));
    }
}
