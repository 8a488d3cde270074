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
public class BackendConformanceFindingsTests
{
    private MockHttpMessageHandler _mock = null!;
    private ClerkClient _clerk = null!;

    [SetUp]
    public void SetUp()
    {
        _mock = ClerkMock.NewHandler();
        _clerk = ClerkMock.NewClient(_mock);
    }

    [TearDown]
    public void TearDown()
    {
        _clerk.Dispose();
        _mock.Dispose();
    }

    [Test]
    public async Task AnOptionalJsonBodyNotGiven_IsLeftOut_NotSentAsNull()
    {
        _mock.ExpectClerk(HttpMethod.Post, "/sessions/sess_1/tokens").WithoutBody().RespondJson("""{"object":"token","jwt":"a.b.c"}""");

        var token = await _clerk.Sessions.CreateTokenAsync("sess_1");

        Assert.That(token.Jwt, Is.EqualTo("a.b.c"));
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task ARequiredBodyWithoutRequiredFields_NotGiven_IsSentAsAnEmptyObject()
    {
        // The spec requires a body for POST /api_keys/{id}/revoke, and none of its fields: the SDK's parameter is optional.
        _mock.ExpectClerk(HttpMethod.Post, "/api_keys/ak_1/revoke").WithJsonBody("{}").RespondJson("""{"object":"api_key","id":"ak_1","revoked":true}""");

        var key = await _clerk.ApiKeys.RevokeAsync("ak_1");

        Assert.That(key.Id, Is.EqualTo("ak_1"));
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task ARequiredBodyWithoutRequiredFields_Given_IsSentAsGiven()
    {
        _mock.ExpectClerk(HttpMethod.Post, "/api_keys/ak_1/revoke").WithJsonBody("""{"revocation_reason":"leaked"}""").RespondJson("""{"object":"api_key","id":"ak_1","revoked":true}""");

        await _clerk.ApiKeys.RevokeAsync("ak_1", new RevokeApiKeyRequest { RevocationReason = "leaked" });

        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task AGivenJsonBody_IsStillSent()
    {
        _mock.ExpectClerk(HttpMethod.Post, "/clients/verify").WithJsonBody("""{"token":"jwt"}""").RespondJson("""{"object":"client","id":"client_1"}""");

        await _clerk.Clients.VerifyAsync(new VerifyClientRequest { Token = "jwt" });

        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task AnEnumPathParameter_IsSent_NotRejectedAsNull()
    {
        _mock.ExpectClerk(HttpMethod.Get, "/templates/sms/verification_code").RespondJson("""{"object":"template","slug":"verification_code"}""");

        var template = await _clerk.EmailSmsTemplates.GetAsync(GetTemplateTemplateType.Sms, "verification_code");

        Assert.That(template.Slug, Is.EqualTo("verification_code"));
        _mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void AnUnsetEnumPathParameter_StillFailsAsMissing()
    {
        var ex = Assert.ThrowsAsync<System.ArgumentNullException>(() => _clerk.EmailSmsTemplates.GetAsync(default, "verification_code"));
        Assert.That(ex!.ParamName, Is.EqualTo("templateType"));
    }
}
