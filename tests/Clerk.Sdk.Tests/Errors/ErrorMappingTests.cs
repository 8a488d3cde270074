using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using NUnit.Framework;
using Clerk.Sdk.Tests.Support;
using static Clerk.Sdk.Tests.Support.WireFixtures;

namespace Clerk.Sdk.Tests.Errors;

/// <summary>For each seed operation, a 4xx Clerk error body becomes a <see cref="ClerkApiException"/> with every detail.</summary>
public class ErrorMappingTests
{
    /// <summary>One seed operation: how it is called, what it sends, and the error Clerk answers with.</summary>
    public sealed record ErrorCase(
        HttpMethod Method,
        string Path,
        string? Query,
        HttpStatusCode Status,
        string Code,
        string ParamName,
        Func<ClerkClient, Task> Call);

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("Sessions.List", HttpMethod.Get, "/sessions", $"user_id={UserId}&status=active&limit=100&offset=0&paginated=true", HttpStatusCode.UnprocessableEntity, "form_param_value_invalid", "status",
            c => c.Sessions.ListAsync(new SessionListOptions { UserId = UserId, Status = SessionStatus.Active }).GetPageAsync());
        yield return Case("Sessions.Create", HttpMethod.Post, "/sessions", null, HttpStatusCode.NotFound, "resource_not_found", "user_id",
            c => c.Sessions.CreateAsync(new CreateSessionRequest { UserId = UserId }));
        yield return Case("Sessions.Get", HttpMethod.Get, "/sessions/" + SessionId, null, HttpStatusCode.NotFound, "resource_not_found", "session_id",
            c => c.Sessions.GetAsync(SessionId));
        yield return Case("Sessions.Refresh", HttpMethod.Post, $"/sessions/{SessionId}/refresh", null, HttpStatusCode.Unauthorized, "token_invalid", "expired_token",
            c => c.Sessions.RefreshAsync(SessionId, new RefreshSessionRequest { ExpiredToken = Jwt, RefreshToken = "rt_1", RequestOrigin = "https://app.example.com" }));
        yield return Case("Sessions.Revoke", HttpMethod.Post, $"/sessions/{SessionId}/revoke", null, HttpStatusCode.BadRequest, "session_already_revoked", "session_id",
            c => c.Sessions.RevokeAsync(SessionId));
        yield return Case("Sessions.CreateToken", HttpMethod.Post, $"/sessions/{SessionId}/tokens", null, HttpStatusCode.NotFound, "resource_not_found", "session_id",
            c => c.Sessions.CreateTokenAsync(SessionId, new CreateSessionTokenRequest { ExpiresInSeconds = 60 }));
        yield return Case("Sessions.CreateTokenFromTemplate", HttpMethod.Post, $"/sessions/{SessionId}/tokens/custom_hasura", null, HttpStatusCode.NotFound, "resource_not_found", "template_name",
            c => c.Sessions.CreateTokenFromTemplateAsync(SessionId, "custom_hasura", new CreateSessionTokenFromTemplateRequest()));
        yield return Case("ApiKeys.Create", HttpMethod.Post, "/api_keys", null, HttpStatusCode.Conflict, "duplicate_record", "name",
            c => c.ApiKeys.CreateAsync(new CreateApiKeyRequest { Name = "billing-service", Subject = ApiKeySubject }));
        yield return Case("ApiKeys.List", HttpMethod.Get, "/api_keys", $"subject={ApiKeySubject}&limit=100&offset=0", HttpStatusCode.BadRequest, "bad_request", "limit",
            c => c.ApiKeys.ListAsync(ApiKeySubject).GetPageAsync());
        yield return Case("ApiKeys.Get", HttpMethod.Get, "/api_keys/" + ApiKeyId, null, HttpStatusCode.NotFound, "resource_not_found", "apiKeyID",
            c => c.ApiKeys.GetAsync(ApiKeyId));
        yield return Case("ApiKeys.Update", HttpMethod.Patch, "/api_keys/" + ApiKeyId, null, HttpStatusCode.BadRequest, "form_param_format_invalid", "subject",
            c => c.ApiKeys.UpdateAsync(ApiKeyId, new UpdateApiKeyRequest { Subject = "user_bad" }));
        yield return Case("ApiKeys.Delete", HttpMethod.Delete, "/api_keys/" + ApiKeyId, null, HttpStatusCode.NotFound, "resource_not_found", "apiKeyID",
            c => c.ApiKeys.DeleteAsync(ApiKeyId));
        yield return Case("ApiKeys.GetSecret", HttpMethod.Get, $"/api_keys/{ApiKeyId}/secret", null, HttpStatusCode.BadRequest, "secret_not_retrievable", "apiKeyID",
            c => c.ApiKeys.GetSecretAsync(ApiKeyId));
        yield return Case("ApiKeys.Revoke", HttpMethod.Post, $"/api_keys/{ApiKeyId}/revoke", null, HttpStatusCode.NotFound, "resource_not_found", "apiKeyID",
            c => c.ApiKeys.RevokeAsync(ApiKeyId, new RevokeApiKeyRequest { RevocationReason = "rotated" }));
        yield return Case("ApiKeys.Verify", HttpMethod.Post, "/api_keys/verify", null, HttpStatusCode.NotFound, "api_key_invalid", "secret",
            c => c.ApiKeys.VerifyAsync(new VerifyApiKeyRequest { Secret = ApiKeySecret }));
    }

    [TestCaseSource(nameof(Cases))]
    public void ClerkErrorBody_MapsToClerkApiException(ErrorCase error)
    {
        using var mock = ClerkMock.NewHandler();
        var traceId = "trace_" + error.Code + "_" + (int)error.Status;
        var longMessage = $"The {error.ParamName} parameter was rejected ({error.Code}).";
        mock.ExpectClerk(error.Method, error.Path, error.Query)
            .RespondJson(ClerkMock.ClerkErrorJson(error.Code, "Request rejected", longMessage, error.ParamName, traceId), error.Status);
        using var clerk = ClerkMock.NewClient(mock);

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => error.Call(clerk));

        mock.VerifyNoOutstandingExpectation();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(error.Status));
            Assert.That(ex.Code, Is.EqualTo(error.Code));
            Assert.That(ex.Errors, Has.Count.EqualTo(1));
            Assert.That(ex.Errors[0].Message, Is.EqualTo("Request rejected"));
            Assert.That(ex.Errors[0].LongMessage, Is.EqualTo(longMessage));
            Assert.That(ex.Errors[0].Meta?.ParamName, Is.EqualTo(error.ParamName));
            Assert.That(ex.TraceId, Is.EqualTo(traceId));
            Assert.That(ex.BodyExcerpt, Is.Null, "a Clerk error body is parsed, not excerpted");
            Assert.That(ex.Message, Does.Contain(error.Code).And.Contain(longMessage).And.Contain(((int)error.Status).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static TestCaseData Case(string name, HttpMethod method, string path, string? query, HttpStatusCode status, string code, string paramName, Func<ClerkClient, Task> call) =>
        new TestCaseData(new ErrorCase(method, path, query, status, code, paramName, call)).SetArgDisplayNames(name);
}
