using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using Clerk.Sdk.Tests.Support;
using static Clerk.Sdk.Tests.Support.WireFixtures;

namespace Clerk.Sdk.Tests.Operations;

/// <summary>
/// The Sessions seed operations on the wire: exact method, path, query, headers and JSON body, then a realistic
/// response read into the typed result.
/// </summary>
public class SessionsWireTests : MockedClientTest
{
    [Test]
    public async Task List_SendsEveryFilterAsQuery_WithPaginated_AndReadsDataAndTotalCount()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/sessions", $"client_id={ClientId}&user_id={UserId}&status=active&limit=20&offset=40&paginated=true")
            .WithoutBody()
            .RespondJson($$"""{"data":[{{SessionJson()}}, {{SessionJson(OtherSessionId, "revoked")}}],"total_count":42}""");

        var sessions = await Client.Sessions.ListAsync(new SessionListOptions { ClientId = ClientId, UserId = UserId, Status = SessionStatus.Active }).GetPageAsync("40", 20);

        MockHandler.VerifyNoOutstandingExpectation();
        Assert.That(sessions, Has.Count.EqualTo(2));
        Assert.That(sessions.TotalCount, Is.EqualTo(42), "paginated=true: Clerk's {data, total_count} shape, read with its total");
        Assert.That(sessions.HasMore, Is.False, "40 + 2 reaches the total");
        AssertSession(sessions[0]);
        AssertSession(sessions[1], OtherSessionId, "revoked");
        Assert.That(sessions[1].Status, Is.EqualTo(SessionStatus.Revoked));
    }

    [Test]
    public async Task List_OmitsUnsetFilters()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/sessions", $"user_id={UserId}&status=expired&limit=100&offset=0&paginated=true")
            .RespondJson("[]");

        var sessions = await Client.Sessions.ListAsync(new SessionListOptions { UserId = UserId, Status = SessionStatus.Expired }).GetPageAsync();

        MockHandler.VerifyNoOutstandingExpectation();
        Assert.That(sessions, Is.Empty);
    }

    [Test]
    public async Task Create_PostsTheUserAndOrganization_AndReadsTheSession()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, "/sessions")
            .WithJsonBody($$"""{ "user_id": "{{UserId}}", "active_organization_id": "{{OrganizationId}}" }""")
            .RespondJson(SessionJson());

        var session = await Client.Sessions.CreateAsync(new CreateSessionRequest { UserId = UserId, ActiveOrganizationId = OrganizationId });

        MockHandler.VerifyNoOutstandingExpectation();
        AssertSession(session);
    }

    [Test]
    public async Task Create_OmitsAnUnsetOrganization()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, "/sessions")
            .WithJsonBody($$"""{ "user_id": "{{UserId}}" }""")
            .RespondJson(SessionJson());

        var session = await Client.Sessions.CreateAsync(new CreateSessionRequest { UserId = UserId });

        MockHandler.VerifyNoOutstandingExpectation();
        Assert.That(session.Id, Is.EqualTo(SessionId));
    }

    [Test]
    public async Task Get_RequestsTheSessionById_AndReadsIt()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId)
            .WithoutBody()
            .RespondJson(SessionJson());

        var session = await Client.Sessions.GetAsync(SessionId);

        MockHandler.VerifyNoOutstandingExpectation();
        AssertSession(session);
    }

    [Test]
    public async Task Refresh_PostsTheTokensAndRequestContext_AndReadsTheCookies()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, $"/sessions/{SessionId}/refresh")
            .WithJsonBody($$"""
                {
                  "expired_token": "{{Jwt}}",
                  "refresh_token": "rt_5b2c9e0f7a1d4e8b9c3f6a2d1e0b7c4f",
                  "request_origin": "https://app.example.com",
                  "request_headers": { "User-Agent": ["Mozilla/5.0 (Macintosh)"], "Cookie": ["__client_uat=1731370000"] },
                  "format": "cookie"
                }
                """)
            .RespondJson("""
                {
                  "object": "session_refresh",
                  "cookies": [
                    "__session=eyJhbGciOiJSUzI1NiJ9.e30.c2ln; Path=/; Secure; SameSite=Lax",
                    "__client_uat=1731456789; Path=/; Max-Age=315360000; Secure; SameSite=Strict"
                  ]
                }
                """);

        var refresh = await Client.Sessions.RefreshAsync(SessionId, new RefreshSessionRequest
        {
            ExpiredToken = Jwt,
            RefreshToken = "rt_5b2c9e0f7a1d4e8b9c3f6a2d1e0b7c4f",
            RequestOrigin = "https://app.example.com",
            RequestHeaders = new Dictionary<string, string[]>
            {
                ["User-Agent"] = ["Mozilla/5.0 (Macintosh)"],
                ["Cookie"] = ["__client_uat=1731370000"],
            },
            Format = RefreshSessionRequestFormat.Cookie,
        });

        MockHandler.VerifyNoOutstandingExpectation();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refresh.Object, Is.EqualTo("session_refresh"));
            Assert.That(refresh.Jwt, Is.Null);
            Assert.That(refresh.Cookies, Is.EqualTo(new[]
            {
                "__session=eyJhbGciOiJSUzI1NiJ9.e30.c2ln; Path=/; Secure; SameSite=Lax",
                "__client_uat=1731456789; Path=/; Max-Age=315360000; Secure; SameSite=Strict",
            }));
            Assert.That(refresh.AdditionalProperties, Is.Empty);
        }
    }

    [Test]
    public async Task Refresh_InTokenFormat_ReadsTheJwt()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, $"/sessions/{SessionId}/refresh")
            .WithJsonBody($$"""
                {
                  "expired_token": "{{Jwt}}",
                  "refresh_token": "rt_5b2c9e0f7a1d4e8b9c3f6a2d1e0b7c4f",
                  "request_origin": "https://app.example.com",
                  "format": "token",
                  "request_originating_ip": "203.0.113.42"
                }
                """)
            .RespondJson($$"""{ "object": "token", "jwt": "{{Jwt}}" }""");

        var refresh = await Client.Sessions.RefreshAsync(SessionId, new RefreshSessionRequest
        {
            ExpiredToken = Jwt,
            RefreshToken = "rt_5b2c9e0f7a1d4e8b9c3f6a2d1e0b7c4f",
            RequestOrigin = "https://app.example.com",
            Format = RefreshSessionRequestFormat.Token,
            RequestOriginatingIp = "203.0.113.42",
        });

        MockHandler.VerifyNoOutstandingExpectation();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refresh.Object, Is.EqualTo("token"));
            Assert.That(refresh.Jwt, Is.EqualTo(Jwt));
            Assert.That(refresh.Cookies, Is.Null);
        }
    }

    [Test]
    public async Task Revoke_PostsWithoutABody_AndReadsTheRevokedSession()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, $"/sessions/{SessionId}/revoke")
            .WithoutBody()
            .RespondJson(SessionJson(status: "revoked"));

        var session = await Client.Sessions.RevokeAsync(SessionId);

        MockHandler.VerifyNoOutstandingExpectation();
        AssertSession(session, status: "revoked");
        Assert.That(session.Status, Is.EqualTo(SessionStatus.Revoked));
    }

    [Test]
    public async Task CreateToken_PostsTheLifetime_AndReadsTheJwt()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, $"/sessions/{SessionId}/tokens")
            .WithJsonBody("""{ "expires_in_seconds": 600 }""")
            .RespondJson($$"""{ "object": "token", "jwt": "{{Jwt}}" }""");

        var token = await Client.Sessions.CreateTokenAsync(SessionId, new CreateSessionTokenRequest { ExpiresInSeconds = 600 });

        MockHandler.VerifyNoOutstandingExpectation();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(token.Object, Is.EqualTo("token"));
            Assert.That(token.Jwt, Is.EqualTo(Jwt));
            Assert.That(token.AdditionalProperties, Is.Empty);
        }
    }

    [Test]
    public async Task CreateTokenFromTemplate_PutsTheTemplateInThePath_AndOmitsAnUnsetLifetime()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, $"/sessions/{SessionId}/tokens/custom_hasura")
            .WithJsonBody("{}")
            .RespondJson($$"""{ "object": "token", "jwt": "{{Jwt}}" }""");

        var token = await Client.Sessions.CreateTokenFromTemplateAsync(SessionId, "custom_hasura", new CreateSessionTokenFromTemplateRequest());

        MockHandler.VerifyNoOutstandingExpectation();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(token.Object, Is.EqualTo("token"));
            Assert.That(token.Jwt, Is.EqualTo(Jwt));
        }
    }

    [Test]
    public async Task CreateTokenFromTemplate_SendsTheLifetime_AndEscapesTheTemplateName()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, $"/sessions/{SessionId}/tokens/supabase%20prod")
            .WithJsonBody("""{ "expires_in_seconds": 3600 }""")
            .RespondJson($$"""{ "object": "token", "jwt": "{{Jwt}}" }""");

        var token = await Client.Sessions.CreateTokenFromTemplateAsync(SessionId, "supabase prod", new CreateSessionTokenFromTemplateRequest { ExpiresInSeconds = 3600 });

        MockHandler.VerifyNoOutstandingExpectation();
        Assert.That(token.Jwt, Is.EqualTo(Jwt));
    }
}
