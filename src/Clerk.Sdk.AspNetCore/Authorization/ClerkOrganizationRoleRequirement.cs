using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;

namespace Clerk.AspNetCore;

/// <summary>
/// Requires an active organization in which the user has one of <see cref="Roles"/>, compared as Clerk's <c>has({ role })</c>
/// does (<c>admin</c> and <c>org:admin</c> are the same role). Handles itself: no handler registration needed. Add it with
/// <c>policy.RequireOrganizationRole("org:admin")</c>; a signed-in user without the role gets 403.
/// </summary>
public sealed class ClerkOrganizationRoleRequirement : AuthorizationHandler<ClerkOrganizationRoleRequirement>, IAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="roles">The accepted roles (any one suffices), e.g. <c>org:admin</c>.</param>
    /// <exception cref="ArgumentException">No role, or an empty one, is given.</exception>
    public ClerkOrganizationRoleRequirement(params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Length == 0 || roles.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("At least one organization role is required, and none may be empty.", nameof(roles));
        }
        Roles = roles.Select(OrganizationNames.WithPrefix).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The accepted roles, each with its <c>org:</c> prefix.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ClerkOrganizationRoleRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.User.HasClaim(c => c.Type == ClerkClaimTypes.OrganizationId && c.Value.Length > 0)
            && context.User.FindAll(ClerkClaimTypes.OrganizationRole).Any(c => c.Value.Length > 0 && requirement.Roles.Contains(OrganizationNames.WithPrefix(c.Value))))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    /// <summary>Describes the requirement.</summary>
    /// <returns>The accepted roles.</returns>
    public override string ToString() => $"ClerkOrganizationRoleRequirement: one of {string.Join(", ", Roles)}";
}
