using System.Collections.Generic;
using System.Globalization;

namespace Clerk.Testing.Resources.Organizations;

/// <summary>
/// Clerk's default organization roles and their system permissions. Other roles are accepted when they are named as
/// Clerk names them (<c>org:&lt;key&gt;</c>) and carry no system permissions.
/// </summary>
internal static class Roles
{
    public const string Admin = "org:admin";

    public const string Member = "org:member";

    private static readonly string[] AdminPermissions =
    [
        "org:sys_profile:manage", "org:sys_profile:delete", "org:sys_memberships:read", "org:sys_memberships:manage", "org:sys_domains:read", "org:sys_domains:manage",
    ];

    private static readonly string[] MemberPermissions = ["org:sys_memberships:read"];

    public static bool IsWellFormed(string role) => role.StartsWith("org:", System.StringComparison.Ordinal) && role.Length > 4;

    public static IList<string> PermissionsOf(string role) => role switch
    {
        Admin => [.. AdminPermissions],
        Member => [.. MemberPermissions],
        _ => [],
    };

    /// <summary>The display name: <c>org:billing_manager</c> → <c>Billing manager</c>.</summary>
    public static string NameOf(string role)
    {
        var key = role.StartsWith("org:", System.StringComparison.Ordinal) ? role[4..] : role;
        var words = key.Replace('_', ' ');
        return words.Length == 0 ? role : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }
}
