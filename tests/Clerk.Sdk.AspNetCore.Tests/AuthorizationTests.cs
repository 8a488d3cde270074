using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.AspNetCore;
using Clerk.Sdk.AspNetCore.Tests.TestKit;
using NUnit.Framework;

namespace Clerk.Sdk.AspNetCore.Tests;

/// <summary>Organization role and permission policies: 200 when held, 403 for a signed-in user without them, 401 when signed out.</summary>
[TestFixture]
public class AuthorizationTests
{
    private LoopbackApp _app = null!;

    [OneTimeSetUp]
    public async Task Start() => _app = await AuthenticationTests.StartAppAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    /// <summary>admin: invoices:read, reports:read, reports:manage. member: reports:read only.</summary>
    private static string Token(string? role) => role switch
    {
        null => Tokens.Valid(),
        "admin" => Tokens.Sign(Tokens.Claims().InOrganization("admin")),
        _ => Tokens.Sign(Tokens.Claims().InOrganization(role).With("o", new System.Collections.Generic.Dictionary<string, object?>
        {
            ["id"] = "org_2ORG", ["slg"] = "acme", ["rol"] = role, ["per"] = "read,manage", ["fpm"] = "0,1",
        })),
    };

    private async Task<HttpStatusCode> StatusAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Add("Authorization", "Bearer " + token);
        }
        using var response = await _app.Client.SendAsync(request);
        return response.StatusCode;
    }

    [TestCase("/admin", "admin", HttpStatusCode.OK)]
    [TestCase("/admin", "member", HttpStatusCode.Forbidden)]
    [TestCase("/admin", null, HttpStatusCode.Forbidden, TestName = "RoleWithoutAnOrganization_Is403")]
    [TestCase("/invoices", "admin", HttpStatusCode.OK)]
    [TestCase("/invoices", "member", HttpStatusCode.Forbidden)]
    [TestCase("/invoices", null, HttpStatusCode.Forbidden, TestName = "PermissionWithoutAnOrganization_Is403")]
    [TestCase("/reports", "admin", HttpStatusCode.OK)]
    [TestCase("/reports", "member", HttpStatusCode.Forbidden)]
    public async Task Policies(string path, string? role, HttpStatusCode expected)
    {
        Assert.That(await StatusAsync(path, Token(role)), Is.EqualTo(expected));
    }

    // fea/pla as Clerk scopes them: o: the organization's, u: the user's own, ou: both.
    [TestCase("/export", "u:export", null, HttpStatusCode.OK, TestName = "Feature_OfTheUser_Allows")]
    [TestCase("/export", "o:export", null, HttpStatusCode.OK, TestName = "Feature_OfTheOrganization_Allows")]
    [TestCase("/export", "o:import", null, HttpStatusCode.Forbidden, TestName = "Feature_Missing_Is403")]
    [TestCase("/org-export", "u:export", null, HttpStatusCode.Forbidden, TestName = "OrganizationFeature_HeldByTheUserOnly_Is403")]
    [TestCase("/org-export", "ou:export", null, HttpStatusCode.OK, TestName = "OrganizationFeature_HeldByBoth_Allows")]
    [TestCase("/pro", null, "u:free,o:pro", HttpStatusCode.OK, TestName = "Plan_Allows")]
    [TestCase("/pro", null, "u:free", HttpStatusCode.Forbidden, TestName = "Plan_Missing_Is403")]
    [TestCase("/admin-pro", null, "o:pro", HttpStatusCode.OK, TestName = "RoleAndOrganizationPlan_BothHeld_Allows")]
    [TestCase("/admin-pro", null, "u:pro", HttpStatusCode.Forbidden, TestName = "RoleAndOrganizationPlan_PlanOfTheUser_Is403")]
    public async Task FeatureAndPlanPolicies_FollowClerksHas(string path, string? features, string? plans, HttpStatusCode expected)
    {
        var claims = Tokens.Claims().InOrganization("admin");
        if (features is not null) claims = claims.With("fea", features);
        if (plans is not null) claims = claims.With("pla", plans);
        Assert.That(await StatusAsync(path, Tokens.Sign(claims)), Is.EqualTo(expected));
    }

    [Test]
    public void AClerkRequirement_NeedsSomethingToRequire()
    {
        Assert.Throws<System.ArgumentException>(() => new ClerkHasRequirement());
        Assert.Throws<System.ArgumentException>(() => new ClerkHasRequirement(feature: " "));
    }

    [TestCase("/admin")]
    [TestCase("/invoices")]
    public async Task APolicy_ChallengesASignedOutCaller_With401(string path)
    {
        Assert.That(await StatusAsync(path, null), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await StatusAsync(path, Tokens.Sign(Tokens.Claims().InOrganization("admin"), Tokens.OtherKey)), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public void Requirements_CompareNamesAsClerksHasDoes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ClerkOrganizationRoleRequirement("admin", "org:billing", "org:org:owner").Roles, Is.EqualTo(new[] { "org:admin", "org:billing", "org:owner" }));
            Assert.That(new ClerkOrganizationPermissionRequirement("invoices:read").Permission, Is.EqualTo("org:invoices:read"));
            Assert.That(new ClerkOrganizationPermissionRequirement("org:invoices:read").Permission, Is.EqualTo("org:invoices:read"));
            Assert.That(() => new ClerkOrganizationRoleRequirement(), Throws.ArgumentException);
            Assert.That(() => new ClerkOrganizationPermissionRequirement(" "), Throws.ArgumentException);
        });
    }
}
