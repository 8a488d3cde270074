using System;
using System.Collections.Generic;
using System.Numerics;
using System.Text.Json;

namespace Clerk.Authentication;

/// <summary>
/// Derives the active organization from session claims with the rules of Clerk's own SDKs (<c>@clerk/shared</c>'s
/// JWT payload parser, used by <c>@clerk/backend</c>):
/// <list type="bullet">
/// <item>v2 (<c>v: 2</c>) with an <c>o</c> claim: id <c>o.id</c>, slug <c>o.slg</c>, role <c>org:</c> + <c>o.rol</c>; permissions
/// <c>org:&lt;feature&gt;:&lt;permission&gt;</c> for each organization-scoped feature of <c>fea</c> (scopes <c>o</c>, <c>ou</c>, <c>uo</c>)
/// and each bit set in that feature's decimal bitmap of <c>o.fpm</c> (bit i = i-th name of <c>o.per</c>, least significant first).</item>
/// <item>otherwise: <c>org_id</c>, <c>org_slug</c>, <c>org_role</c>, <c>org_permissions</c> as they are.</item>
/// </list>
/// Claims that Clerk's parser cannot read (a <c>fea</c> element without a scope, a non-string <c>fea</c>/<c>per</c>/<c>fpm</c>)
/// make it throw; here they reject the token with <see cref="ClerkTokenFailureReason.InvalidClaim"/>.
/// </summary>
internal static class OrganizationClaimsParser
{
    public static OrganizationClaims Parse(JsonElement claims)
    {
        var isV2 = claims.TryGetProperty("v"u8, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var version) && version == 2;
        return isV2 ? ParseV2(claims) : ParseV1(claims);
    }

    private static OrganizationClaims ParseV1(JsonElement claims)
    {
        var permissions = new List<string>();
        if (claims.TryGetProperty("org_permissions"u8, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    permissions.Add(item.GetString()!);
                }
            }
        }
        return new OrganizationClaims(JsonClaims.GetString(claims, "org_id"u8), JsonClaims.GetString(claims, "org_slug"u8), JsonClaims.GetString(claims, "org_role"u8), permissions);
    }

    private static OrganizationClaims ParseV2(JsonElement claims)
    {
        if (!JsonClaims.IsTruthyProperty(claims, "o"u8, out var o))
        {
            return OrganizationClaims.None;
        }
        string? role = null;
        if (JsonClaims.IsTruthyProperty(o, "rol"u8, out var rol))
        {
            role = rol.ValueKind == JsonValueKind.String ? "org:" + rol.GetString() : throw Invalid("o.rol");
        }
        var orgFeatures = OrganizationFeatures(claims);
        var names = SplitStrings(o, "per");
        var bitmaps = SplitStrings(o, "fpm");
        var permissions = new List<string>();
        if (names is not null && bitmaps is not null)
        {
            for (var featureIndex = 0; featureIndex < orgFeatures.Count && featureIndex < bitmaps.Length; featureIndex++)
            {
                var bitmap = bitmaps[featureIndex].AsSpan().Trim();
                if (bitmap.Length <= 19 && !bitmap.ContainsAnyExceptInRange('0', '9') && bitmap.Length > 0)
                {
                    // The usual case, a bitmap of up to 19 digits: plain 64-bit arithmetic.
                    var small = ulong.Parse(bitmap, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
                    for (var permissionIndex = 0; permissionIndex < names.Length && permissionIndex < 64; permissionIndex++)
                    {
                        if (((small >> permissionIndex) & 1) != 0)
                        {
                            permissions.Add($"org:{orgFeatures[featureIndex]}:{names[permissionIndex].Trim()}");
                        }
                    }
                    continue;
                }
                var bits = DecimalToBits(bitmap.ToString());
                if (bits.IsZero)
                {
                    continue;
                }
                for (var permissionIndex = 0; permissionIndex < names.Length; permissionIndex++)
                {
                    if (!(bits >> permissionIndex).IsEven)
                    {
                        permissions.Add($"org:{orgFeatures[featureIndex]}:{names[permissionIndex].Trim()}");
                    }
                }
            }
        }
        return new OrganizationClaims(JsonClaims.GetString(o, "id"u8), JsonClaims.GetString(o, "slg"u8), role, permissions);
    }

    /// <summary>The organization-scoped features of <c>fea</c>: elements <c>scope:value</c>, scope <c>o</c>, <c>ou</c> or <c>uo</c>.</summary>
    private static List<string> OrganizationFeatures(JsonElement claims)
    {
        var features = new List<string>();
        if (!JsonClaims.IsTruthyProperty(claims, "fea"u8, out var fea))
        {
            return features;
        }
        if (fea.ValueKind != JsonValueKind.String)
        {
            throw Invalid("fea");
        }
        foreach (var raw in fea.GetString()!.Split(','))
        {
            var part = raw.Trim();
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                throw Invalid("fea");
            }
            var scope = part[..colon];
            if (scope is "o" or "ou" or "uo")
            {
                features.Add(part[(colon + 1)..]);
            }
        }
        return features;
    }

    private static string[]? SplitStrings(JsonElement o, string name)
    {
        if (!JsonClaims.IsTruthyProperty(o, name, out var value))
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String ? value.GetString()!.Split(',') : throw Invalid("o." + name);
    }

    /// <summary>A decimal bitmap of any length (Clerk's parser handles it as a string); anything but digits means no bits.</summary>
    private static BigInteger DecimalToBits(string text)
    {
        if (text.Length == 0)
        {
            return BigInteger.Zero;
        }
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return BigInteger.Zero;
            }
        }
        return BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ClerkTokenException Invalid(string claim) =>
        new(ClerkTokenFailureReason.InvalidClaim, $"The session token's '{claim}' claim cannot be read as Clerk organization claims.") { TokenType = ClerkTokenType.SessionToken };
}
