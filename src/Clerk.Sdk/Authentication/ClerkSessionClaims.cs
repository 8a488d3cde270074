using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Clerk.Authentication;

/// <summary>
/// The verified claims of a Clerk session token: user, session, party, lifetime, actor, factor ages and the active
/// organization (from the v2 compact <c>o</c>/<c>fea</c> claims or the older <c>org_*</c> claims), plus every raw claim.
/// </summary>
public sealed class ClerkSessionClaims
{
    internal ClerkSessionClaims(JsonElement claims, OrganizationClaims organization)
    {
        Claims = claims;
        UserId = JsonClaims.GetString(claims, "sub"u8) ?? string.Empty;
        SessionId = JsonClaims.GetString(claims, "sid"u8);
        SessionStatus = JsonClaims.GetString(claims, "sts"u8);
        AuthorizedParty = JsonClaims.GetString(claims, "azp"u8);
        Issuer = JsonClaims.GetString(claims, "iss"u8);
        Expiration = JsonClaims.GetTime(claims, "exp"u8) ?? DateTimeOffset.MinValue;
        IssuedAt = JsonClaims.GetTime(claims, "iat"u8);
        NotBefore = JsonClaims.GetTime(claims, "nbf"u8);
        Version = claims.TryGetProperty("v"u8, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var version) ? version : 1;
        if (claims.TryGetProperty("act"u8, out var act) && act.ValueKind == JsonValueKind.Object)
        {
            Actor = new ClerkActor(act);
        }
        if (claims.TryGetProperty("fva"u8, out var fva) && fva.ValueKind == JsonValueKind.Array && fva.GetArrayLength() == 2
            && fva[0].TryGetInt64(out var first) && fva[1].TryGetInt64(out var second))
        {
            FactorVerificationAge = new ClerkFactorVerificationAge(first, second);
        }
        OrganizationId = organization.Id;
        OrganizationSlug = organization.Slug;
        OrganizationRole = organization.Role;
        OrganizationPermissions = organization.Permissions;
        Features = JsonClaims.GetString(claims, "fea"u8);
        Plans = JsonClaims.GetString(claims, "pla"u8);
    }

    /// <summary>The user id (<c>sub</c>), e.g. <c>user_2x...</c>.</summary>
    public string UserId { get; }

    /// <summary>The session id (<c>sid</c>), e.g. <c>sess_2x...</c>.</summary>
    public string? SessionId { get; }

    /// <summary>The session status (<c>sts</c>: <c>active</c> or <c>pending</c>); null in tokens that predate it (active).</summary>
    public string? SessionStatus { get; }

    /// <summary>True when the session is pending (<c>sts: pending</c>); only seen with <see cref="ClerkTokenVerifierOptions.AcceptPendingSessions"/>.</summary>
    public bool IsPending => SessionStatus == "pending";

    /// <summary>The origin that requested the token (<c>azp</c>), when present.</summary>
    public string? AuthorizedParty { get; }

    /// <summary>The issuer (<c>iss</c>): the instance's Frontend API URL.</summary>
    public string? Issuer { get; }

    /// <summary>When the token expires (<c>exp</c>).</summary>
    public DateTimeOffset Expiration { get; }

    /// <summary>When the token was issued (<c>iat</c>), when present.</summary>
    public DateTimeOffset? IssuedAt { get; }

    /// <summary>When the token becomes valid (<c>nbf</c>), when present.</summary>
    public DateTimeOffset? NotBefore { get; }

    /// <summary>The claims version (<c>v</c>; 1 when absent, 2 for the compact organization claims).</summary>
    public int Version { get; }

    /// <summary>The actor (<c>act</c>) when someone acts on behalf of the user (impersonation); otherwise null.</summary>
    public ClerkActor? Actor { get; }

    /// <summary>Minutes since each factor was verified (<c>fva</c>), when present.</summary>
    public ClerkFactorVerificationAge? FactorVerificationAge { get; }

    /// <summary>The active organization's id (<c>o.id</c> in v2, <c>org_id</c> before), when there is one.</summary>
    public string? OrganizationId { get; }

    /// <summary>The active organization's slug (<c>o.slg</c> in v2, <c>org_slug</c> before).</summary>
    public string? OrganizationSlug { get; }

    /// <summary>The user's role in the active organization, e.g. <c>org:admin</c> (v2: <c>o.rol</c> prefixed with <c>org:</c>).</summary>
    public string? OrganizationRole { get; }

    /// <summary>
    /// The user's permissions in the active organization, e.g. <c>org:invoices:read</c>. In v2 they are built as Clerk's SDKs
    /// do from the organization-scoped features in <c>fea</c>, the names in <c>o.per</c> and the per-feature bitmaps in <c>o.fpm</c>;
    /// before v2 they are <c>org_permissions</c>. Empty when there are none.
    /// </summary>
    public IReadOnlyList<string> OrganizationPermissions { get; }

    /// <summary>The raw <c>fea</c> claim (billing features with scopes, e.g. <c>o:invoices,u:export</c>), when present.</summary>
    public string? Features { get; }

    /// <summary>The raw <c>pla</c> claim (billing plans with scopes), when present.</summary>
    public string? Plans { get; }

    /// <summary>Every claim of the token, as a JSON object.</summary>
    public JsonElement Claims { get; }

    /// <summary>Reads one raw claim.</summary>
    /// <param name="name">The claim name (e.g. a custom claim of a session token template).</param>
    /// <param name="value">The claim's value when present.</param>
    /// <returns>True when the claim is present.</returns>
    public bool TryGetClaim(string name, out JsonElement value) => Claims.TryGetProperty(name, out value);

    /// <summary>
    /// Clerk's <c>has()</c>: whether the user has, in the active organization, <paramref name="role"/> and
    /// <paramref name="permission"/> (<c>admin</c> or <c>org:admin</c>; <c>invoices:read</c> or <c>org:invoices:read</c>),
    /// and the billing <paramref name="feature"/> and <paramref name="plan"/> (<c>export</c>, or scoped: <c>org:export</c>
    /// for the organization's, <c>user:export</c> for the user's own). Every argument given must hold; none given is false.
    /// </summary>
    /// <param name="role">An organization role.</param>
    /// <param name="permission">An organization permission.</param>
    /// <param name="feature">A billing feature (<c>fea</c>).</param>
    /// <param name="plan">A billing plan (<c>pla</c>).</param>
    /// <returns>True when every argument given holds.</returns>
    public bool Has(string? role = null, string? permission = null, string? feature = null, string? plan = null) =>
        ClerkHas.Check(this, role, permission, feature, plan);

    /// <summary>Returns the user and session ids (no token content beyond ids).</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"ClerkSessionClaims(UserId={UserId}, SessionId={SessionId}, OrganizationId={OrganizationId})";
}
