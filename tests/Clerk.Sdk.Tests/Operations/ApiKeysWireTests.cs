using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using Clerk.Sdk.Tests.Support;
using static Clerk.Sdk.Tests.Support.WireFixtures;

namespace Clerk.Sdk.Tests.Operations;

/// <summary>
/// The API Keys seed operations on the wire: exact method, path, query, headers and JSON body, then a realistic
/// response read into the typed result.
/// </summary>
public class ApiKeysWireTests : MockedClientTest
{
    [Test]
    public async Task Create_PostsOnlyTheSetFields_AndReadsTheKeyWithItsSecret()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, "/api_keys")
            .WithJsonBody($$"""
                {
                  "name": "billing-service",
                  "subject": "{{ApiKeySubject}}",
                  "description": "Used by the billing worker",
                  "claims": { "tier": "gold", "region": "eu-west-1" },
                  "scopes": ["invoices:read", "invoices:write"],
                  "seconds_until_expiration": 86400
                }
                """)
            .RespondJson(ApiKeyJson(withSecret: true));

        var key = await Client.ApiKeys.CreateAsync(new CreateApiKeyRequest
        {
            Name = "billing-service",
            Subject = ApiKeySubject,
            Description = "Used by the billing worker",
            Claims = new Dictionary<string, string> { ["tier"] = "gold", ["region"] = "eu-west-1" },
            Scopes = ["invoices:read", "invoices:write"],
            SecondsUntilExpiration = 86400,
        });

        MockHandler.VerifyNoOutstandingExpectation();
        AssertApiKey(key);
        Assert.That(key.Secret, Is.EqualTo(ApiKeySecret));
    }

    [Test]
    public async Task List_SendsEveryFilterAsQuery_AndReadsThePage()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/api_keys", $"subject={ApiKeySubject}&type=api_key&include_invalid=true&query=billing%20service&limit=25&offset=50")
            .WithoutBody()
            .RespondJson($$"""{ "data": [ {{ApiKeyJson(revoked: true, revocationReason: "Rotated")}} ], "total_count": 51 }""");

        var page = await Client.ApiKeys.ListAsync(ApiKeySubject, new ApiKeyListOptions { Type = "api_key", IncludeInvalid = true, Query = "billing service" }).GetPageAsync("50", 25);

        MockHandler.VerifyNoOutstandingExpectation();
        Assert.That(page.TotalCount, Is.EqualTo(51));
        Assert.That(page, Has.Count.EqualTo(1));
        AssertApiKey(page[0], revoked: true, revocationReason: "Rotated");
        Assert.That(page.HasMore, Is.False, "50 + 1 reaches the total");
    }

    [Test]
    public async Task List_SendsOnlyTheSubjectWhenNothingElseIsSet()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/api_keys", $"subject={ApiKeySubject}&limit=100&offset=0")
            .RespondJson("""{ "data": [], "total_count": 0 }""");

        var page = await Client.ApiKeys.ListAsync(ApiKeySubject).GetPageAsync();

        MockHandler.VerifyNoOutstandingExpectation();
        Assert.That(page.Items, Is.Empty);
        Assert.That(page.TotalCount, Is.Zero);
    }

    [Test]
    public async Task Get_RequestsTheKeyById_AndReadsIt()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/api_keys/" + ApiKeyId)
            .WithoutBody()
            .RespondJson(ApiKeyJson());

        var key = await Client.ApiKeys.GetAsync(ApiKeyId);

        MockHandler.VerifyNoOutstandingExpectation();
        AssertApiKey(key);
    }

    [Test]
    public async Task Update_PatchesOnlyTheSetFields_AndReadsTheUpdatedKey()
    {
        MockHandler.ExpectClerk(HttpMethod.Patch, "/api_keys/" + ApiKeyId)
            .WithJsonBody("""{ "description": "Billing worker (EU)", "scopes": ["invoices:read"] }""")
            .RespondJson(ApiKeyJson(description: "Billing worker (EU)", scopes: ["invoices:read"]));

        var key = await Client.ApiKeys.UpdateAsync(ApiKeyId, new UpdateApiKeyRequest
        {
            Description = "Billing worker (EU)",
            Scopes = ["invoices:read"],
        });

        MockHandler.VerifyNoOutstandingExpectation();
        AssertApiKey(key, description: "Billing worker (EU)", scopes: ["invoices:read"]);
    }

    [Test]
    public async Task Update_SendsClaimsSubjectAndExpiration()
    {
        MockHandler.ExpectClerk(HttpMethod.Patch, "/api_keys/" + ApiKeyId)
            .WithJsonBody($$"""{ "claims": { "tier": "gold", "region": "eu-west-1" }, "subject": "{{ApiKeySubject}}", "seconds_until_expiration": 3600 }""")
            .RespondJson(ApiKeyJson());

        var key = await Client.ApiKeys.UpdateAsync(ApiKeyId, new UpdateApiKeyRequest
        {
            Claims = new JObject { ["tier"] = "gold", ["region"] = "eu-west-1" },
            Subject = ApiKeySubject,
            SecondsUntilExpiration = 3600,
        });

        MockHandler.VerifyNoOutstandingExpectation();
        AssertApiKey(key);
    }

    [Test]
    public async Task Delete_SendsADeleteWithoutBody_AndReadsTheDeletedObject()
    {
        MockHandler.ExpectClerk(HttpMethod.Delete, "/api_keys/" + ApiKeyId)
            .WithoutBody()
            .RespondJson($$"""{ "id": "{{ApiKeyId}}", "object": "api_key", "deleted": true }""");

        var deleted = await Client.ApiKeys.DeleteAsync(ApiKeyId);

        MockHandler.VerifyNoOutstandingExpectation();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted.Id, Is.EqualTo(ApiKeyId));
            Assert.That(deleted.Object, Is.EqualTo("api_key"));
            Assert.That(deleted.Deleted, Is.True);
            Assert.That(deleted.AdditionalProperties, Is.Empty);
        }
    }

    [Test]
    public async Task GetSecret_RequestsTheSecretPath_AndReadsTheSecret()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, $"/api_keys/{ApiKeyId}/secret")
            .WithoutBody()
            .RespondJson($$"""{ "secret": "{{ApiKeySecret}}" }""");

        var secret = await Client.ApiKeys.GetSecretAsync(ApiKeyId);

        MockHandler.VerifyNoOutstandingExpectation();
        Assert.That(secret.Secret, Is.EqualTo(ApiKeySecret));
        Assert.That(secret.AdditionalProperties, Is.Empty);
    }

    [Test]
    public async Task Revoke_PostsTheReason_AndReadsTheRevokedKey()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, $"/api_keys/{ApiKeyId}/revoke")
            .WithJsonBody("""{ "revocation_reason": "Leaked in a CI log" }""")
            .RespondJson(ApiKeyJson(revoked: true, revocationReason: "Leaked in a CI log"));

        var key = await Client.ApiKeys.RevokeAsync(ApiKeyId, new RevokeApiKeyRequest { RevocationReason = "Leaked in a CI log" });

        MockHandler.VerifyNoOutstandingExpectation();
        AssertApiKey(key, revoked: true, revocationReason: "Leaked in a CI log");
    }

    [Test]
    public async Task Revoke_WithoutAReason_PostsAnEmptyObject()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, $"/api_keys/{ApiKeyId}/revoke")
            .WithJsonBody("{}")
            .RespondJson(ApiKeyJson(revoked: true));

        var key = await Client.ApiKeys.RevokeAsync(ApiKeyId, new RevokeApiKeyRequest());

        MockHandler.VerifyNoOutstandingExpectation();
        AssertApiKey(key, revoked: true);
    }

    [Test]
    public async Task Verify_PostsTheSecret_AndReadsTheKey()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, "/api_keys/verify")
            .WithJsonBody($$"""{ "secret": "{{ApiKeySecret}}" }""")
            .RespondJson(ApiKeyJson());

        var key = await Client.ApiKeys.VerifyAsync(new VerifyApiKeyRequest { Secret = ApiKeySecret });

        MockHandler.VerifyNoOutstandingExpectation();
        AssertApiKey(key);
    }
}
