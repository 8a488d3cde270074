using System;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Models;

/// <summary>
/// A property the spec declares nullable tells "assigned null" (sent as JSON null: Clerk clears the value) from "never
/// assigned" (left out). Other properties cannot carry a null on the wire and leave a null out.
/// </summary>
public class ExplicitNullTests
{
    [Test]
    public async Task AnAssignedNull_IsSent_AnUnassignedPropertyIsNot()
    {
        var sent = await SendAsync(clerk => clerk.InstanceSettings.UpdateOAuthApplicationSettingsAsync(
            new UpdateInstanceOAuthApplicationSettingsRequest { DefaultScopes = null }), HttpMethod.Patch, "instance/oauth_application_settings",
            """{ "object": "instance_oauth_application_settings" }""");

        Assert.That(JToken.DeepEquals(sent, JObject.Parse("""{ "default_scopes": null }""")), Is.True, sent.ToString());
    }

    [Test]
    public async Task ClearingAUsersExternalId_SendsNullForThatFieldOnly()
    {
        var sent = await SendAsync(clerk => clerk.Users.UpdateAsync("user_1", new UpdateUserRequest { ExternalId = null, FirstName = "Ada" }),
            HttpMethod.Patch, "users/user_1", """{ "id": "user_1", "object": "user" }""");

        Assert.That(JToken.DeepEquals(sent, JObject.Parse("""{ "external_id": null, "first_name": "Ada" }""")), Is.True, sent.ToString());
    }

    [Test]
    public void ANewRequest_SerializesToAnEmptyObject()
    {
        Assert.That(JsonConvert.SerializeObject(new UpdateUserRequest()), Is.EqualTo("{}"));
        Assert.That(JsonConvert.SerializeObject(new UpdateOrganizationRequest()), Is.EqualTo("{}"));
    }

    [Test]
    public void AssigningAValueThenNull_SendsNull()
    {
        var request = new UpdateOrganizationRequest { MaxAllowedMemberships = 5 };
        request.MaxAllowedMemberships = null;
        Assert.That(JsonConvert.SerializeObject(request), Is.EqualTo("""{"max_allowed_memberships":null}"""));
    }

    [Test]
    public void APropertyTheSpecDoesNotDeclareNullable_LeavesANullOut()
    {
        // email_address is not nullable in the spec: Clerk would reject a null, so null means "not set".
        var request = new CreateEmailAddressRequest { UserId = "user_1", EmailAddress = null! };
        Assert.That(JObject.Parse(JsonConvert.SerializeObject(request)).ContainsKey("email_address"), Is.False);
    }

    [Test]
    public void AReadModel_WritesBackExactlyTheNullsItRead()
    {
        var withNull = JsonConvert.DeserializeObject<User>("""{ "id": "user_1", "object": "user", "external_id": null }""")!;
        var without = JsonConvert.DeserializeObject<User>("""{ "id": "user_1", "object": "user" }""")!;

        Assert.That(JObject.Parse(JsonConvert.SerializeObject(withNull))["external_id"]!.Type, Is.EqualTo(JTokenType.Null));
        Assert.That(JObject.Parse(JsonConvert.SerializeObject(without)).ContainsKey("external_id"), Is.False);
    }

    [Test]
    public void ANullableEnum_ReadsAndWritesNull()
    {
        var request = JsonConvert.DeserializeObject<RefreshSessionRequest>("""{ "format": null }""")!;
        Assert.That(request.Format, Is.Null);
        Assert.That(JsonConvert.SerializeObject(request), Is.EqualTo("""{"format":null}"""));
        Assert.That(JsonConvert.SerializeObject(new RefreshSessionRequest { Format = RefreshSessionRequestFormat.Cookie }), Does.Contain("\"format\":\"cookie\""));
    }

    [Test]
    public void SystemTextJson_HonoursTheSameRule()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new UpdateUserRequest { ExternalId = null });
        Assert.That(JToken.DeepEquals(JObject.Parse(json), JObject.Parse("""{ "external_id": null }""")), Is.True, json);
    }

    [Test]
    public void EveryPropertyThatSendsNull_IsSettableNullable_AndTracked()
    {
        // The mechanism is uniform: every Include property of every model is a nullable CLR type with a ...Specified flag.
        var tracked = 0;
        foreach (var type in typeof(User).Assembly.GetTypes().Where(t => t.IsClass && t.Namespace is "Clerk.BackendApi" or "Clerk.FrontendApi" or "Clerk.Webhooks"))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<JsonPropertyAttribute>() is not { NullValueHandling: NullValueHandling.Include }) continue;
                tracked++;
                var flag = type.GetField(property.Name + "Specified", BindingFlags.NonPublic | BindingFlags.Instance);
                Assert.That(flag?.FieldType, Is.EqualTo(typeof(bool)), $"{type.Name}.{property.Name} has no Specified flag");
                Assert.That(property.PropertyType.IsValueType ? Nullable.GetUnderlyingType(property.PropertyType) is not null : new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable,
                    Is.True, $"{type.Name}.{property.Name} cannot hold null");
            }
        }
        Assert.That(tracked, Is.GreaterThan(500));
        TestContext.Out.WriteLine($"{tracked} model properties can carry an explicit null");
    }

    private static async Task<JObject> SendAsync(Func<ClerkClient, Task> call, HttpMethod method, string path, string response)
    {
        var mock = new MockHttpMessageHandler();
        string? sent = null;
        mock.Expect(method, "https://api.clerk.com/v1/" + path)
            .With(request => { sent = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult(); return true; })
            .Respond("application/json", response);
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_abc", HttpMessageHandler = mock });
        await call(clerk);
        mock.VerifyNoOutstandingExpectation();
        return JObject.Parse(sent!);
    }
}
