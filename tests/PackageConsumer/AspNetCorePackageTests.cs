using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Threading.Tasks;
using Clerk;
using Clerk.AspNetCore;
using Clerk.BackendApi;
using Clerk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace PackageConsumer;

/// <summary>The packed Clerk.Sdk.AspNetCore (with Clerk.Sdk.Testing's fake as the Clerk it talks to): a minimal API
/// that authenticates Clerk session tokens and reads the user from the Backend API.</summary>
public class AspNetCorePackageTests
{
    [Test]
    public void TheReferenceIsThePackage_NotTheProject() =>
        Assert.That(typeof(ClerkAuthenticationDefaults).Assembly.Location, Does.Contain("clerk.sdk.aspnetcore").IgnoreCase.And.Not.Contain("src/Clerk.Sdk.AspNetCore/bin"));

    [Test]
    public async Task AMinimalApiAuthenticatesASessionTokenAndCallsClerk()
    {
        await using var fake = await FakeClerkServer.StartOnLoopbackAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddClerk(options => { options.SecretKey = fake.SecretKey; options.ApiUrl = fake.ApiUrl; },
            verifier => verifier.JwtKey = fake.JwtPublicKeyPem);
        builder.Services.AddAuthentication(ClerkAuthenticationDefaults.AuthenticationScheme).AddClerk();
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", async (ClaimsPrincipal principal, IUsersClient users) =>
            (await users.GetAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier)!)).FirstName).RequireAuthorization();
        await app.StartAsync();

        using var clerk = fake.CreateClient();
        var user = await clerk.Users.CreateAsync(new CreateUserRequest { EmailAddress = ["ada@example.com"], FirstName = "Ada" });
        using var http = new HttpClient { BaseAddress = new System.Uri(app.Urls.First()) };
        using var anonymous = await http.GetAsync("/me");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fake.CreateSessionToken(user.Id));
        using var signedIn = await http.SendAsync(request);

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await signedIn.Content.ReadAsStringAsync(), Is.EqualTo("Ada"));
    }
}
