using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using Clerk.Sdk.Tests.Support;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Clerk.Sdk.Tests.Support.WireFixtures;

namespace Clerk.Sdk.Tests.Errors;

/// <summary>
/// Error responses that are not Clerk error JSON (a proxy's HTML page, an empty body, some other JSON) still become a
/// <see cref="ClerkApiException"/> with the status, a clear message, an excerpt of the body and the trace id.
/// </summary>
public class NonClerkErrorResponseTests
{
    private const string CloudflareHtml = """
        <html>
        <head><title>502 Bad Gateway</title></head>
        <body>
        <center><h1>502 Bad Gateway</h1></center>
        <hr><center>cloudflare</center>
        </body>
        </html>
        """;

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
    public void HtmlBadGatewayFromAProxy_IsAClerkApiException_WithAnExcerpt()
    {
        _mock.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).Respond(HttpStatusCode.BadGateway, "text/html", CloudflareHtml);

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => _clerk.Sessions.GetAsync(SessionId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(ex.Errors, Is.Empty);
            Assert.That(ex.Code, Is.Null);
            Assert.That(ex.BodyExcerpt, Does.Contain("<title>502 Bad Gateway</title>").And.Contain("cloudflare"));
            Assert.That(ex.Message, Does.Contain("502").And.Contain("502 Bad Gateway").And.Contain("Sessions.Get GET /sessions/{session_id}").And.Not.Contain(SessionId), "the operation is named by its template, without the id");
            Assert.That(ex.TraceId, Is.Null);
        }
    }

    [Test]
    public void LongHtmlBody_IsCutToAShortExcerpt()
    {
        var html = "<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body>" + new string('x', 5000) + "</body></html>";
        _mock.ExpectClerk(HttpMethod.Get, "/api_keys/" + ApiKeyId).Respond(HttpStatusCode.ServiceUnavailable, "text/html", html);

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => _clerk.ApiKeys.GetAsync(ApiKeyId));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(ex.BodyExcerpt, Does.StartWith("<!DOCTYPE html><html><head><title>Service Unavailable</title>"));
        Assert.That(ex.BodyExcerpt!.Length, Is.LessThan(300));
        Assert.That(ex.Message.Length, Is.LessThan(600));
    }

    [Test]
    public void EmptyServerErrorBody_IsAClerkApiException_WithAClearMessage()
    {
        _mock.ExpectClerk(HttpMethod.Post, $"/sessions/{SessionId}/revoke").Respond(HttpStatusCode.InternalServerError);

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => _clerk.Sessions.RevokeAsync(SessionId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(ex.Errors, Is.Empty);
            Assert.That(ex.BodyExcerpt, Is.Null);
            Assert.That(ex.Message, Does.Contain("500").And.Contain("empty body").And.Contain("Sessions.Revoke POST /sessions/{session_id}/revoke").And.Not.Contain(SessionId));
        }
    }

    [Test]
    public void JsonThatIsNotAClerkError_IsKeptAsAnExcerpt()
    {
        _mock.ExpectClerk(HttpMethod.Post, "/api_keys/verify").RespondJson("""{"message":"Too Many Requests","retry_after":3}""", HttpStatusCode.TooManyRequests);

        var ex = Assert.ThrowsAsync<ClerkRateLimitException>(() => _clerk.ApiKeys.VerifyAsync(new Clerk.BackendApi.VerifyApiKeyRequest { Secret = ApiKeySecret }));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(ex.Errors, Is.Empty);
        Assert.That(ex.BodyExcerpt, Does.Contain("Too Many Requests"));
    }

    [Test]
    public void TraceId_FallsBackToTheResponseHeader_WhenTheBodyHasNone()
    {
        var headers = new Dictionary<string, string> { ["X-Clerk-Trace-Id"] = "6f1c9a2be34d4b1f8e0a7c5d2b9e4f10" };
        var body = ClerkMock.ClerkErrorJson("resource_not_found", "not found", "Session not found", "session_id", traceId: null);
        _mock.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).Respond(HttpStatusCode.NotFound, headers, "application/json", body);

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => _clerk.Sessions.GetAsync(SessionId));

        Assert.That(ex!.TraceId, Is.EqualTo("6f1c9a2be34d4b1f8e0a7c5d2b9e4f10"));
        Assert.That(ex.Code, Is.EqualTo("resource_not_found"));
        Assert.That(ex.Message, Does.Contain("6f1c9a2be34d4b1f8e0a7c5d2b9e4f10"));
    }

    [Test]
    public void TraceId_InTheBody_WinsOverTheHeader()
    {
        var headers = new Dictionary<string, string> { ["X-Clerk-Trace-Id"] = "from-header" };
        var body = ClerkMock.ClerkErrorJson("resource_not_found", "not found", "Session not found", "session_id", traceId: "from-body");
        _mock.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).Respond(HttpStatusCode.NotFound, headers, "application/json", body);

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => _clerk.Sessions.GetAsync(SessionId));

        Assert.That(ex!.TraceId, Is.EqualTo("from-body"));
    }

    [Test]
    public void TraceId_FromTheHeader_OnAnHtmlError()
    {
        var headers = new Dictionary<string, string> { ["x-clerk-trace-id"] = "0d3e8b7a9c2f4e61b5a4d7c8e9f0a1b2" };
        _mock.ExpectClerk(HttpMethod.Delete, "/api_keys/" + ApiKeyId).Respond(HttpStatusCode.BadGateway, headers, "text/html", CloudflareHtml);

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => _clerk.ApiKeys.DeleteAsync(ApiKeyId));

        Assert.That(ex!.TraceId, Is.EqualTo("0d3e8b7a9c2f4e61b5a4d7c8e9f0a1b2"));
        Assert.That(ex.BodyExcerpt, Does.Contain("502 Bad Gateway"));
    }
}
