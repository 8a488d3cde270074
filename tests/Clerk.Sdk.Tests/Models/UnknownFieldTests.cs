using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Sdk.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Clerk.Sdk.Tests.Support.WireFixtures;

namespace Clerk.Sdk.Tests.Models;

/// <summary>Fields a newer API version adds are kept in AdditionalProperties and written back (read-modify-write keeps them).</summary>
public class UnknownFieldTests : MockedClientTest
{
    private static string SessionWithNewFields()
    {
        var session = (JObject)ClerkMock.ParseJson(SessionJson());
        session["factor_verification_age"] = new JArray(12, -1);
        session["step_up"] = new JObject { ["level"] = "second_factor", ["verified_at"] = 1731456789999L };
        ((JObject)session["latest_activity"]!)["asn"] = "AS13335";
        return session.ToString(Formatting.None);
    }

    [Test]
    public async Task UnknownFields_AreKeptInAdditionalProperties_AtEveryLevel()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).RespondJson(SessionWithNewFields());

        var session = await Client.Sessions.GetAsync(SessionId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "factor_verification_age", "step_up" }));
            Assert.That(JToken.DeepEquals(session.AdditionalProperties["factor_verification_age"], new JArray(12, -1)), Is.True);
            Assert.That((long?)session.AdditionalProperties["step_up"]["verified_at"], Is.EqualTo(1731456789999L));
            Assert.That(session.LatestActivity!.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "asn" }));
            Assert.That((string?)session.LatestActivity.AdditionalProperties["asn"], Is.EqualTo("AS13335"));
            Assert.That(session.Id, Is.EqualTo(SessionId), "known fields are still typed");
        }
    }

    [Test]
    public async Task ReadModifyWrite_KeepsUnknownFields_AndEveryOtherField()
    {
        var original = SessionWithNewFields();
        MockHandler.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).RespondJson(original);
        var session = await Client.Sessions.GetAsync(SessionId);

        session.LastActiveOrganizationId = "org_2xhGz7dQwLm4Pq9RtVb1NcKs8Ej";
        var written = ClerkMock.ToJObject(session);

        var expected = (JObject)ClerkMock.ParseJson(original);
        expected["last_active_organization_id"] = "org_2xhGz7dQwLm4Pq9RtVb1NcKs8Ej";
        Assert.That(JToken.DeepEquals(written, expected), Is.True, $"written: {written.ToString(Formatting.None)}");
    }

    [Test]
    public async Task ReadModifyWrite_ThroughTheSdk_SendsUnknownFieldsBack()
    {
        // An update request kept as JSON (e.g. in a config store) that a newer SDK wrote with a field this one lacks.
        var stored = JsonConvert.DeserializeObject<UpdateApiKeyRequest>("""{ "description": "old", "rate_limit": { "per_minute": 120 } }""")!;
        stored.Description = "Billing worker (EU)";
        MockHandler.ExpectClerk(HttpMethod.Patch, "/api_keys/" + ApiKeyId)
            .WithJsonBody("""{ "description": "Billing worker (EU)", "rate_limit": { "per_minute": 120 } }""")
            .RespondJson(ApiKeyJson(description: "Billing worker (EU)"));

        var key = await Client.ApiKeys.UpdateAsync(ApiKeyId, stored);

        MockHandler.VerifyNoOutstandingExpectation();
        Assert.That(key.Description, Is.EqualTo("Billing worker (EU)"));
    }

    [Test]
    public async Task UnknownFieldInAResponse_ReadsAndWritesBack()
    {
        var body = (JObject)ClerkMock.ParseJson(ApiKeyJson());
        body["last_used_ip"] = "198.51.100.7";
        MockHandler.ExpectClerk(HttpMethod.Get, "/api_keys/" + ApiKeyId).RespondJson(body.ToString());

        var key = await Client.ApiKeys.GetAsync(ApiKeyId);

        Assert.That((string?)key.AdditionalProperties["last_used_ip"], Is.EqualTo("198.51.100.7"));
        var written = ClerkMock.ToJObject(key);
        Assert.That((string?)written["last_used_ip"], Is.EqualTo("198.51.100.7"));
        Assert.That(written.Properties().Count(p => p.Name == "last_used_ip"), Is.EqualTo(1));
    }
}
