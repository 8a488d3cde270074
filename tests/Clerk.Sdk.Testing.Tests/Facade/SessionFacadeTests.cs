using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Sdk.Testing.Tests.Backends;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Facade;

/// <summary>Sessions and session tokens through the facade and <see cref="Clerk.Authentication.ClerkTokenVerifier"/>, on every backend.</summary>
[TestFixtureSource(typeof(ClerkBackends), nameof(ClerkBackends.All))]
public sealed class SessionFacadeTests : FacadeTest
{
    public SessionFacadeTests(string backend)
        : base(backend)
    {
    }

    [Test]
    public async Task Session_Token_VerifiesWithTheInstanceKeys_ThenRevoke()
    {
        var email = Backend.UniqueEmail("linus");
        var userId = Canned.Id("user");
        Backend.Script(HttpMethod.Post, "/users", Canned.User(userId, email, "Linus", null).ToString());
        var user = await Clerk.Users.CreateAsync(new CreateUserRequest { EmailAddress = [email], FirstName = "Linus", SkipPasswordRequirement = true });
        Backend.TrackUser(user.Id);

        var sessionId = Canned.Id("sess");
        Backend.Script(HttpMethod.Post, "/sessions", Canned.Session(sessionId, user.Id));
        var session = await Clerk.Sessions.CreateAsync(new CreateSessionRequest { UserId = user.Id });
        Assert.That((session.UserId, session.Status), Is.EqualTo((user.Id, SessionStatus.Active)));

        Backend.Script(HttpMethod.Get, "/sessions", "[" + Canned.Session(session.Id, user.Id) + "]");
        var active = await Clerk.Sessions.ListAsync(new SessionListOptions { UserId = user.Id, Status = SessionStatus.Active }).GetPageAsync();
        Assert.That(active, Has.Count.EqualTo(1).And.Some.Property(nameof(Session.Id)).EqualTo(session.Id));

        Backend.Script(HttpMethod.Post, $"/sessions/{session.Id}/tokens", Canned.Token(user.Id, session.Id));
        var token = await Clerk.Sessions.CreateTokenAsync(session.Id, new CreateSessionTokenRequest());
        var claims = await Backend.CreateVerifier().VerifySessionTokenAsync(token.Jwt!);
        Assert.That((claims.UserId, claims.SessionId), Is.EqualTo((user.Id, session.Id)));

        Backend.Script(HttpMethod.Post, $"/sessions/{session.Id}/revoke", Canned.Session(session.Id, user.Id, "revoked"));
        var revoked = await Clerk.Sessions.RevokeAsync(session.Id);
        Assert.That(revoked.Status, Is.EqualTo(SessionStatus.Revoked));
    }
}
