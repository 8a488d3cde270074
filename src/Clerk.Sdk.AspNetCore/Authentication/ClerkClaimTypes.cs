using System.Security.Claims;

namespace Clerk.AspNetCore;

/// <summary>
/// The claim types of a Clerk principal. The user id (or a machine token's subject) is <see cref="ClaimTypes.NameIdentifier"/>
/// (also the identity's name claim); the rest are these. The identity's role claim type is <see cref="OrganizationRole"/>, so
/// <c>User.IsInRole("org:admin")</c> and <c>RequireRole("org:admin")</c> test the active organization's role.
/// </summary>
public static class ClerkClaimTypes
{
    /// <summary>The session id (<c>sid</c>), e.g. <c>sess_2x...</c>.</summary>
    public const string SessionId = "clerk:session_id";

    /// <summary>The session status (<c>sts</c>: <c>active</c> or <c>pending</c>), when the token has one.</summary>
    public const string SessionStatus = "clerk:session_status";

    /// <summary>The kind of token the caller presented: <c>session_token</c>, <c>api_key</c>, <c>m2m_token</c> or <c>oauth_token</c>.</summary>
    public const string TokenType = "clerk:token_type";

    /// <summary>The active organization's id, e.g. <c>org_2x...</c>.</summary>
    public const string OrganizationId = "clerk:org_id";

    /// <summary>The active organization's slug.</summary>
    public const string OrganizationSlug = "clerk:org_slug";

    /// <summary>The user's role in the active organization, e.g. <c>org:admin</c>.</summary>
    public const string OrganizationRole = "clerk:org_role";

    /// <summary>One of the user's permissions in the active organization, e.g. <c>org:invoices:read</c> (one claim per permission).</summary>
    public const string OrganizationPermission = "clerk:org_permission";

    /// <summary>The id of the user acting on behalf of the signed-in user (<c>act.sub</c>), present only when impersonated.</summary>
    public const string Actor = "clerk:actor";

    /// <summary>A machine token's id (API key <c>ak_...</c>, M2M token <c>mt_...</c>, OAuth token <c>oat_...</c>).</summary>
    public const string MachineTokenId = "clerk:machine_token_id";

    /// <summary>One scope of a machine token (one claim per scope).</summary>
    public const string Scope = "clerk:scope";
}
