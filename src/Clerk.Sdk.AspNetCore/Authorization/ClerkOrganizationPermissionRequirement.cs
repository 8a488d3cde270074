using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;

namespace Clerk.AspNetCore;

/// <summary>
/// Requires an active organization in which the user has <see cref="Permission"/>, compared as Clerk's
/// <c>has({ permission })</c> does (<c>invoices:read</c> means <c>org:invoices:read</c>). Handles itself: no handler
/// registration needed. Add it with <c>policy.RequireOrganizationPermission("org:invoices:read")</c> (several calls: all are
/// required); a signed-in user without it gets 403.
/// </summary>
public sealed class ClerkOrganizationPermissionRequirement : AuthorizationHandler<ClerkOrganizationPermissionRequirement>, IAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="permission">The permission, e.g. <c>org:invoices:read</c>.</param>
    /// <exception cref="ArgumentException">The permission is empty.</exception>
    public ClerkOrganizationPermissionRequirement(string permission)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(permission);
        Permission = OrganizationNames.WithPrefix(permission);
    }

    /// <summary>The required permission, with its <c>org:</c> prefix.</summary>
    public string Permission { get; }

    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ClerkOrganizationPermissionRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.User.HasClaim(c => c.Type == ClerkClaimTypes.OrganizationId && c.Value.Length > 0)
            && context.User.FindAll(ClerkClaimTypes.OrganizationPermission).Any(c => string.Equals(c.Value, requirement.Permission, StringComparison.Ordinal)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    /// <summary>Describes the requirement.</summary>
    /// <returns>The required permission.</returns>
    public override string ToString() => $"ClerkOrganizationPermissionRequirement: {Permission}";
}
