using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Threading.Tasks;
using Clerk.Authentication;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Authentication.AuthTestKit;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// A v2 session token carries organization permissions as a decimal bitmap per feature (<c>o.fpm</c>) over the
/// permission names (<c>o.per</c>): bit <c>i</c> grants name <c>i</c>. Up to 19 digits take 64-bit arithmetic, longer
/// ones arbitrary precision; either way bit <c>i</c> is exactly what a reference decoding gives, including past bit 63.
/// </summary>
public class PermissionBitmapTests
{
    private static readonly string[] Names = Enumerable.Range(0, 70).Select(i => $"p{i}").ToArray();

    private static async Task<IReadOnlyList<string>> PermissionsOf(string bitmap, string features = "o:billing", string? names = null)
    {
        var claims = SessionClaims().With("fea", features).With("o", new Dictionary<string, object?>
        {
            ["id"] = "org_1",
            ["rol"] = "admin",
            ["per"] = names ?? string.Join(",", Names),
            ["fpm"] = bitmap,
        });
        return (await PemVerifier().VerifySessionTokenAsync(Sign(SessionHeader(), claims))).OrganizationPermissions;
    }

    private static IEnumerable<string> Reference(string bitmap)
    {
        var bits = BigInteger.Parse(bitmap, System.Globalization.CultureInfo.InvariantCulture);
        return Names.Where((_, i) => !(bits >> i).IsEven).Select(n => $"org:billing:{n}");
    }

    [TestCase("1", TestName = "bit 0 only: no name past 63 reads it again")]
    [TestCase("9223372036854775808", TestName = "bit 63, nineteen digits")]
    [TestCase("9999999999999999999", TestName = "the largest nineteen digits")]
    [TestCase("18446744073709551616", TestName = "bit 64, twenty digits")]
    [TestCase("590295810358705651712", TestName = "bit 69")]
    [TestCase("90000000000000000000", TestName = "twenty digits from 9 and 0")]
    [TestCase("00000000000000000000001", TestName = "leading zeros, long")]
    [TestCase("0", TestName = "zero")]
    [TestCase("00000000000000000000000", TestName = "zero, long")]
    public async Task EachBit_GrantsItsName(string bitmap) =>
        Assert.That(await PermissionsOf(bitmap), Is.EqualTo(Reference(bitmap)));

    [TestCase("", TestName = "empty")]
    [TestCase("x1", TestName = "not digits")]
    [TestCase("1e3", TestName = "an exponent")]
    [TestCase("-1", TestName = "negative")]
    [TestCase("1844674407370955161/", TestName = "a character just below 0, long")]
    [TestCase("18446744073709551616:", TestName = "a character just above 9, long")]
    public async Task ABitmapThatIsNotDigits_GrantsNothing(string bitmap) =>
        Assert.That(await PermissionsOf(bitmap), Is.Empty);

    [Test]
    public async Task OnlyOrganizationScopedFeatures_CountAndEachHasItsBitmap()
    {
        // "u:" features are the user's; the bitmaps are for the organization features in order: o, ou, uo.
        var permissions = await PermissionsOf("1,2,4", features: "u:mine,o:a,ou:b,uo:c", names: "read,write,admin");
        Assert.That(permissions, Is.EqualTo(new[] { "org:a:read", "org:b:write", "org:c:admin" }));
    }

    [Test]
    public async Task AFeatureWithAnEmptyScope_IsNoOrganizationFeature_AndAFeatureWithoutAScope_IsRefused()
    {
        Assert.That(await PermissionsOf("1,1", features: ":x,o:a", names: "read"), Is.EqualTo(new[] { "org:a:read" }));
        var ex = Assert.ThrowsAsync<ClerkTokenException>(() => PermissionsOf("1", features: "noscope"))!;
        Assert.That((ex.Reason, ex.Message), Is.EqualTo((ClerkTokenFailureReason.InvalidClaim, "The session token's 'fea' claim cannot be read as Clerk organization claims.")));
    }

    [Test]
    public async Task NamesAreTrimmed()
    {
        Assert.That(await PermissionsOf("3", names: " read , write "), Is.EqualTo(new[] { "org:billing:read", "org:billing:write" }));
    }
}
