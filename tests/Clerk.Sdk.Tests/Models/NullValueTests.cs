using System.Net.Http;
using System.Threading.Tasks;
using Clerk.Sdk.Tests.Support;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Clerk.Sdk.Tests.Support.WireFixtures;

namespace Clerk.Sdk.Tests.Models;

/// <summary><c>null</c> where the spec promises an object, a string, a number or a list gives a typed result, never an exception.</summary>
public class NullValueTests : MockedClientTest
{
    private static string WithNulls(string json, params string[] fields)
    {
        var body = (JObject)ClerkMock.ParseJson(json);
        foreach (var field in fields)
        {
            Assert.That(body.ContainsKey(field), Is.True, $"fixture has no {field}");
            body[field] = JValue.CreateNull();
        }
        return body.ToString();
    }

    [Test]
    public async Task Session_WithNullObjectStringNumberEnumAndList_IsTyped()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).RespondJson(WithNulls(SessionJson(),
            "latest_activity", "user_id", "created_at", "last_active_at", "status", "actor", "tasks", "last_active_organization_id"));

        var session = await Client.Sessions.GetAsync(SessionId);

        Assert.That(session, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.Id, Is.EqualTo(SessionId));
            Assert.That(session.LatestActivity, Is.Null);
            Assert.That(session.UserId, Is.Null);
            Assert.That(session.CreatedAt, Is.Zero);
            Assert.That(session.LastActiveAt, Is.Zero);
            Assert.That(session.Status.Value, Is.Empty);
            Assert.That(session.Status.IsKnown, Is.False);
            Assert.That(session.Actor, Is.Null);
            Assert.That(session.Tasks, Is.Null);
            Assert.That(session.LastActiveOrganizationId, Is.Null);
            Assert.That(session.ExpireAt, Is.EqualTo(ExpireAt), "the other fields are still read");
            Assert.That(session.AdditionalProperties, Is.Empty, "a null known field is not an unknown field");
        }
    }

    [Test]
    public async Task NestedNulls_InsideTheActivity_AreTyped()
    {
        var body = (JObject)ClerkMock.ParseJson(SessionJson());
        var activity = (JObject)body["latest_activity"]!;
        activity["is_mobile"] = JValue.CreateNull();
        activity["city"] = JValue.CreateNull();
        MockHandler.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).RespondJson(body.ToString());

        var session = await Client.Sessions.GetAsync(SessionId);

        Assert.That(session.LatestActivity, Is.Not.Null);
        Assert.That(session.LatestActivity!.IsMobile, Is.False);
        Assert.That(session.LatestActivity.City, Is.Null);
        Assert.That(session.LatestActivity.Country, Is.EqualTo("DE"));
    }

    [Test]
    public async Task ApiKey_WithNullRequiredFields_IsTyped()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/api_keys/" + ApiKeyId).RespondJson(WithNulls(ApiKeyJson(),
            "created_at", "updated_at", "scopes", "claims", "revoked", "expiration", "name", "description"));

        var key = await Client.ApiKeys.GetAsync(ApiKeyId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.Id, Is.EqualTo(ApiKeyId));
            Assert.That(key.CreatedAt, Is.Zero);
            Assert.That(key.UpdatedAt, Is.Zero);
            Assert.That(key.Scopes, Is.Null);
            Assert.That(key.Claims, Is.Null);
            Assert.That(key.Revoked, Is.False);
            Assert.That(key.Expiration, Is.Null);
            Assert.That(key.Name, Is.Null);
            Assert.That(key.Description, Is.Null);
            Assert.That(key.LastUsedAt, Is.EqualTo(ApiKeyLastUsedAt));
        }
    }

    [Test]
    public async Task TokenResponse_WithNullJwt_IsTyped()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, $"/sessions/{SessionId}/tokens").RespondJson("""{ "object": "token", "jwt": null }""");

        var token = await Client.Sessions.CreateTokenAsync(SessionId, new Clerk.BackendApi.CreateSessionTokenRequest());

        Assert.That(token.Object, Is.EqualTo("token"));
        Assert.That(token.Jwt, Is.Null);
    }

    [Test]
    public async Task ListPage_WithNullTotalAndData_IsTyped()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/api_keys", $"subject={ApiKeySubject}&limit=100&offset=0").RespondJson("""{ "data": null, "total_count": null }""");

        var page = await Client.ApiKeys.ListAsync(ApiKeySubject).GetPageAsync();

        Assert.That(page, Is.Not.Null);
        Assert.That(page.Items, Is.Empty, "a null data array is an empty page");
        Assert.That(page.TotalCount, Is.Null, "a null total is no total");
    }
}
