using System.Collections.Generic;

namespace Clerk.Testing;

/// <summary>
/// The active organization of a fake session token, written as Clerk's v2 compact claims: <c>o</c> (<c>id</c>,
/// <c>slg</c>, <c>rol</c>, <c>per</c>, <c>fpm</c>) and <c>fea</c>. <see cref="Clerk.Authentication.ClerkTokenVerifier"/>
/// reads them back as <c>OrganizationId</c>, <c>OrganizationSlug</c>, <c>OrganizationRole</c> and <c>OrganizationPermissions</c>.
/// </summary>
public sealed class FakeOrganizationClaims
{
    /// <summary>The organization id (<c>org_...</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The organization slug, if any.</summary>
    public string? Slug { get; init; }

    /// <summary>The member's role, with or without the <c>org:</c> prefix (<c>admin</c> or <c>org:admin</c>); default <c>org:member</c>.</summary>
    public string Role { get; init; } = "org:member";

    /// <summary>
    /// Custom permissions, as Clerk names them: <c>org:&lt;feature&gt;:&lt;permission&gt;</c> (<c>org:invoices:read</c>).
    /// They are encoded as the features of <c>fea</c> and the bitmaps of <c>o.fpm</c>, as Clerk's session tokens do.
    /// </summary>
    public IReadOnlyList<string> Permissions { get; init; } = [];
}
