using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Newtonsoft.Json;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.ExtensionTests;

/// <summary>A team's own partials on the generated client and model compile and run (docs/extending.md).</summary>
public class ExtensionTests
{
    [Test]
    public async Task APartialMethodOnTheGeneratedClient_IsReachableThroughTheFacadeInterface()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, "https://api.clerk.com/v1/users")
            .WithExactQueryString("email_address=ada%40example.com&limit=1")
            .Respond("application/json", """[ { "id": "user_1", "object": "user", "first_name": "Ada", "last_name": "Lovelace" } ]""");
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_ExtensionExtension", HttpMessageHandler = mock });

        IUsersClient users = clerk.Users;
        var user = await users.FindByEmailAsync("ada@example.com");

        Assert.That(user!.DisplayName, Is.EqualTo("Ada Lovelace"));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void AComputedPropertyOnAGeneratedModel_FallsBackAndStaysOffTheWire()
    {
        var user = JsonConvert.DeserializeObject<User>("""
            { "id": "user_2", "primary_email_address_id": "idn_1",
              "email_addresses": [ { "id": "idn_0", "email_address": "old@example.com" }, { "id": "idn_1", "email_address": "grace@example.com" } ] }
            """)!;

        Assert.That(user.DisplayName, Is.EqualTo("grace@example.com"));
        Assert.That(JsonConvert.SerializeObject(user), Does.Not.Contain("DisplayName").And.Not.Contain("display_name"));
        Assert.That(JsonConvert.DeserializeObject<User>("""{ "id": "user_3" }""")!.DisplayName, Is.EqualTo("user_3"));
    }
}
