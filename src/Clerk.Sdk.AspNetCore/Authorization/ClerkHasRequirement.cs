using System;
using System.Threading.Tasks;
using Clerk.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Clerk.AspNetCore;

/// <summary>
/// Requires what Clerk's <c>has({ role, permission, feature, plan })</c> checks, on the session the Clerk scheme verified
/// (<see cref="ClerkSessionClaims.Has"/>): an organization role or permission, a billing feature or plan (<c>export</c>,
/// <c>org:export</c>, <c>user:export</c>). Every value given must hold. Handles itself: no handler registration needed.
/// Add it with <c>policy.RequireFeature("export")</c>, <c>policy.RequirePlan("pro")</c> or <c>policy.RequireClerk(...)</c>;
/// a signed-in user without it gets 403. Reads the request's <see cref="ClerkRequestState"/>, so it needs endpoint routing
/// (the authorization resource is the <see cref="HttpContext"/>).
/// </summary>
public sealed class ClerkHasRequirement : AuthorizationHandler<ClerkHasRequirement>, IAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="role">An organization role (<c>admin</c> or <c>org:admin</c>).</param>
    /// <param name="permission">An organization permission (<c>org:invoices:read</c>).</param>
    /// <param name="feature">A billing feature (<c>fea</c>).</param>
    /// <param name="plan">A billing plan (<c>pla</c>).</param>
    /// <exception cref="ArgumentException">Nothing is required, or a value is blank.</exception>
    public ClerkHasRequirement(string? role = null, string? permission = null, string? feature = null, string? plan = null)
    {
        if (role is null && permission is null && feature is null && plan is null)
        {
            throw new ArgumentException("A Clerk authorization requirement needs a role, permission, feature or plan.");
        }
        foreach (var (value, name) in new[] { (role, nameof(role)), (permission, nameof(permission)), (feature, nameof(feature)), (plan, nameof(plan)) })
        {
            if (value is not null && string.IsNullOrWhiteSpace(value)) throw new ArgumentException("The value must not be blank.", name);
        }
        (Role, Permission, Feature, Plan) = (role, permission, feature, plan);
    }

    /// <summary>The required organization role, or null.</summary>
    public string? Role { get; }

    /// <summary>The required organization permission, or null.</summary>
    public string? Permission { get; }

    /// <summary>The required billing feature, or null.</summary>
    public string? Feature { get; }

    /// <summary>The required billing plan, or null.</summary>
    public string? Plan { get; }

    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ClerkHasRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.Resource is HttpContext http && http.GetClerkRequestState()?.Session is { } session &&
            session.Has(requirement.Role, requirement.Permission, requirement.Feature, requirement.Plan))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    /// <summary>Describes the requirement.</summary>
    /// <returns>What is required.</returns>
    public override string ToString() => $"ClerkHasRequirement: role={Role}, permission={Permission}, feature={Feature}, plan={Plan}";
}
