using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Client;

public class SmokeTests
{
    [Test]
    public async Task GetUser_SendsHeadersAndParsesBody()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, "https://api.clerk.com/v1/users/user_123")
            .WithHeaders("Authorization", "Bearer sk_test_abc")
            .WithHeaders("Clerk-API-Version", "2025-11-10")
            .Respond("application/json", "{\"id\":\"user_123\",\"object\":\"user\",\"created_at\":1717171717171,\"public_metadata\":{\"plan\":\"pro\"},\"brand_new\":1}");
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_abc", HttpMessageHandler = mock });
        User user = await clerk.Users.GetAsync("user_123");
        Assert.That(user.Id, Is.EqualTo("user_123"));
        Assert.That(user.CreatedAt, Is.EqualTo(1717171717171L));
        Assert.That((string?)user.PublicMetadata!["plan"], Is.EqualTo("pro"));
        Assert.That(user.AdditionalProperties.ContainsKey("brand_new"), Is.True);
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void NotFound_MapsToClerkApiException()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.NotFound, "application/json", "{\"errors\":[{\"code\":\"resource_not_found\",\"message\":\"not found\",\"long_message\":\"User not found\",\"meta\":{\"param_name\":\"user_id\"}}],\"clerk_trace_id\":\"trace_1\"}");
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_abc", HttpMessageHandler = mock });
        var ex = Assert.ThrowsAsync<ClerkApiException>(() => clerk.Users.GetAsync("user_x"));
        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ex.Code, Is.EqualTo("resource_not_found"));
        Assert.That(ex.Errors[0].Meta!.ParamName, Is.EqualTo("user_id"));
        Assert.That(ex.TraceId, Is.EqualTo("trace_1"));
    }
}
