using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Sdk.Tests.Support;
using Newtonsoft.Json;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Clerk.Sdk.Tests.Support.WireFixtures;

namespace Clerk.Sdk.Tests.Models;

/// <summary>An enum value this SDK version does not list is read, compared and written back unchanged, never rejected.</summary>
public class UnknownEnumValueTests : MockedClientTest
{
    [Test]
    public async Task UnknownSessionStatus_Deserializes_AndRoundTrips()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).RespondJson(SessionJson(status: "sleeping"));

        var session = await Client.Sessions.GetAsync(SessionId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(session.Status.Value, Is.EqualTo("sleeping"));
            Assert.That(session.Status.IsKnown, Is.False);
            Assert.That(session.Status, Is.EqualTo(new SessionStatus("sleeping")));
            Assert.That(session.Status, Is.Not.EqualTo(SessionStatus.Active));
            Assert.That(session.Status.ToString(), Is.EqualTo("sleeping"));
            Assert.That(session.Id, Is.EqualTo(SessionId), "the rest of the session is still read");
            Assert.That(session.CreatedAt, Is.EqualTo(CreatedAt));
        }
        var written = ClerkMock.ToJObject(session);
        Assert.That((string?)written["status"], Is.EqualTo("sleeping"));
    }

    [Test]
    public async Task KnownSessionStatus_IsRecognised()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).RespondJson(SessionJson(status: "pending"));

        var session = await Client.Sessions.GetAsync(SessionId);

        Assert.That(session.Status.IsKnown, Is.True);
        Assert.That(session.Status, Is.EqualTo(SessionStatus.Pending));
    }

    [Test]
    public async Task UnknownStatusInAList_DoesNotBreakTheOtherItems()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/sessions", $"user_id={UserId}&limit=100&offset=0&paginated=true")
            .RespondJson($"[{SessionJson(status: "sleeping")}, {SessionJson(OtherSessionId, "active")}]");

        var sessions = await Client.Sessions.ListAsync(new SessionListOptions { UserId = UserId }).GetPageAsync();

        Assert.That(sessions, Has.Count.EqualTo(2));
        Assert.That(sessions[0].Status.Value, Is.EqualTo("sleeping"));
        AssertSession(sessions[1], OtherSessionId, "active");
    }

    [Test]
    public void UnknownEnumValue_RoundTripsThroughJsonUnchanged()
    {
        var original = $$"""{"object":"session","id":"{{SessionId}}","status":"sleeping","created_at":{{CreatedAt}}}""";

        var session = JsonConvert.DeserializeObject<Session>(original)!;
        var again = JsonConvert.DeserializeObject<Session>(JsonConvert.SerializeObject(session))!;

        Assert.That(again.Status, Is.EqualTo(session.Status));
        Assert.That(again.Status.Value, Is.EqualTo("sleeping"));
        Assert.That(again.Status.IsKnown, Is.False);
    }

    [Test]
    public async Task UnknownEnumValue_IsSentAsIs_InAQuery()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/sessions", $"user_id={UserId}&status=sleeping&limit=100&offset=0&paginated=true").RespondJson("[]");

        var sessions = await Client.Sessions.ListAsync(new SessionListOptions { UserId = UserId, Status = new SessionStatus("sleeping") }).GetPageAsync();

        MockHandler.VerifyNoOutstandingExpectation();
        Assert.That(sessions, Is.Empty);
    }

    [Test]
    public async Task UnknownEnumValue_IsSentAsIs_InABody()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, $"/sessions/{SessionId}/refresh")
            .WithJsonBody($$"""{ "expired_token": "{{Jwt}}", "refresh_token": "rt_1", "request_origin": "https://app.example.com", "format": "jwt_v2" }""")
            .RespondJson($$"""{ "object": "token", "jwt": "{{Jwt}}" }""");

        var refresh = await Client.Sessions.RefreshAsync(SessionId, new RefreshSessionRequest
        {
            ExpiredToken = Jwt,
            RefreshToken = "rt_1",
            RequestOrigin = "https://app.example.com",
            Format = new RefreshSessionRequestFormat("jwt_v2"),
        });

        MockHandler.VerifyNoOutstandingExpectation();
        Assert.That(refresh.Jwt, Is.EqualTo(Jwt));
    }
}
