using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Sdk.Tests.Support;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Operations;

/// <summary>
/// Regression tests for the SDK defects the conformance suite (tests/Clerk.Sdk.ConformanceTests) found against
/// Prism; each would fail again if its fix were undone.
/// </summary>
public class BackendConformanceFindingsTests : MockedClientTest
{
    [Test]
    public async Task AnOptionalJsonBodyNotGiven_IsLeftOut_NotSentAsNull()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, "/sessions/sess_1/tokens").WithoutBody().RespondJson("""{"object":"token","jwt":"a.b.c"}""");

        var token = await Client.Sessions.CreateTokenAsync("sess_1");

        Assert.That(token.Jwt, Is.EqualTo("a.b.c"));
        MockHandler.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task ARequiredBodyWithoutRequiredFields_NotGiven_IsSentAsAnEmptyObject()
    {
        // The spec requires a body for POST /api_keys/{id}/revoke, and none of its fields: the SDK's parameter is optional.
        MockHandler.ExpectClerk(HttpMethod.Post, "/api_keys/ak_1/revoke").WithJsonBody("{}").RespondJson("""{"object":"api_key","id":"ak_1","revoked":true}""");

        var key = await Client.ApiKeys.RevokeAsync("ak_1");

        Assert.That(key.Id, Is.EqualTo("ak_1"));
        MockHandler.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task ARequiredBodyWithoutRequiredFields_Given_IsSentAsGiven()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, "/api_keys/ak_1/revoke").WithJsonBody("""{"revocation_reason":"leaked"}""").RespondJson("""{"object":"api_key","id":"ak_1","revoked":true}""");

        await Client.ApiKeys.RevokeAsync("ak_1", new RevokeApiKeyRequest { RevocationReason = "leaked" });

        MockHandler.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task AGivenJsonBody_IsStillSent()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, "/clients/verify").WithJsonBody("""{"token":"jwt"}""").RespondJson("""{"object":"client","id":"client_1"}""");

        await Client.Clients.VerifyAsync(new VerifyClientRequest { Token = "jwt" });

        MockHandler.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task AnEnumPathParameter_IsSent_NotRejectedAsNull()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/templates/sms/verification_code").RespondJson("""{"object":"template","slug":"verification_code"}""");

        var template = await Client.EmailSmsTemplates.GetAsync(GetTemplateTemplateType.Sms, "verification_code");

        Assert.That(template.Slug, Is.EqualTo("verification_code"));
        MockHandler.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void AnUnsetEnumPathParameter_StillFailsAsMissing()
    {
        var ex = Assert.ThrowsAsync<System.ArgumentNullException>(() => Client.EmailSmsTemplates.GetAsync(default, "verification_code"));
        Assert.That(ex!.ParamName, Is.EqualTo("templateType"));
    }
}
