using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Fake;

/// <summary>What the fake checks before any endpoint, and what it says about operations it lacks.</summary>
public sealed class GateTests : FakeTestBase
{
    [Test]
    public void AnotherSecretKey_Is401AuthenticationInvalid()
    {
        using var stranger = Fake.CreateClient(o => o.SecretKey = "sk_test_someoneelse000000000000000000");

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => stranger.Users.ListAsync().GetPageAsync());

        Assert.That((ex!.StatusCode, ex.Code), Is.EqualTo((HttpStatusCode.Unauthorized, "authentication_invalid")));
    }

    [Test]
    public void MalformedApiVersion_Is400()
    {
        using var client = Fake.CreateClient(o => o.ApiVersion = "latest");

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => client.Users.ListAsync().GetPageAsync());

        Assert.That((ex!.StatusCode, ex.Code), Is.EqualTo((HttpStatusCode.BadRequest, "api_version_invalid")));
    }

    [Test]
    public async Task ApiVersion_IsEchoed()
    {
        using var http = new HttpClient(Fake.CreateHttpMessageHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, Fake.ApiUrl + "/jwks");
        request.Headers.Authorization = new("Bearer", Fake.SecretKey);
        request.Headers.Add("Clerk-API-Version", "2025-04-10");

        using var response = await http.SendAsync(request);

        Assert.That(response.Headers.GetValues("Clerk-API-Version"), Is.EqualTo(new[] { "2025-04-10" }));
    }

    [Test]
    public async Task FromApiVersion20260512_MetadataOnUserUpdateIsRejected()
    {
        var user = await CreateUserAsync("Vera");
        using var client = Fake.CreateClient(o => o.ApiVersion = "2026-05-12");

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => client.Users.UpdateAsync(user.Id, new UpdateUserRequest { PublicMetadata = Metadata.From(new { a = 1 }) }));

        Assert.That((ex!.StatusCode, ex.Code, ex.Errors[0].Meta?.ParamName), Is.EqualTo((HttpStatusCode.UnprocessableEntity, "form_param_unknown", "public_metadata")));
    }

    [Test]
    public void UnimplementedOperation_Is501NamingIt()
    {
        var ex = Assert.ThrowsAsync<ClerkApiException>(() => Clerk.Users.VerifyPasswordAsync("user_2aaaaaaaaaaaaaaaaaaaaaaaaaa", new VerifyPasswordRequest { Password = "x" }));

        Assert.That((int)ex!.StatusCode, Is.EqualTo(501));
        Assert.That(ex.Errors[0].LongMessage, Does.Contain("Users.VerifyPassword"));
    }

    [Test]
    public void ImplementedOperations_AreOperationsOfTheSpec()
    {
        Assert.That(Fake.ImplementedOperations, Has.Count.EqualTo(39).And.Contains("Users_Create").And.Contains("Jwks_Get").And.Unique);
    }
}
