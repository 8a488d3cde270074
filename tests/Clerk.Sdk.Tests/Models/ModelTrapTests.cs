using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Newtonsoft.Json;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Models;

/// <summary>The runtime traps of the raw spec, each fixed in the normalizer or a template, shown at run time.</summary>
public class ModelTrapTests
{
    [Test]
    public void MillisecondTimestampsDoNotOverflow()
    {
        var session = JsonConvert.DeserializeObject<Session>("""{ "id": "sess_1", "expire_at": 1893456000000, "created_at": 1717171717171 }""")!;
        Assert.That(session.ExpireAt, Is.EqualTo(1893456000000L));
        Assert.That(session.CreatedAt, Is.EqualTo(1717171717171L));
    }

    [Test]
    public void AVerificationKeepsTheFieldsOfWhicheverAlternativeArrived()
    {
        // An OAuth-style verification: its fields come from the second alternative of Clerk's oneOf.
        var email = JsonConvert.DeserializeObject<EmailAddress>("""
            { "id": "idn_1", "email_address": "a@example.com",
              "verification": { "status": "unverified", "strategy": "from_oauth_google", "external_verification_redirect_url": "https://accounts.google.com/o/oauth2",
                                "error": { "code": "oauth_access_denied", "message": "denied", "long_message": "The user denied access" }, "attempts": null, "expire_at": 1893456000000 } }
            """)!;
        Assert.That(email.Verification!.Strategy, Is.EqualTo("from_oauth_google"));
        Assert.That(email.Verification.ExternalVerificationRedirectUrl, Is.EqualTo("https://accounts.google.com/o/oauth2"));
        Assert.That(email.Verification.Error!.Code, Is.EqualTo("oauth_access_denied"));
        Assert.That(email.Verification.Status, Is.EqualTo(EmailAddressVerificationStatus.Unverified));
        Assert.That(email.Verification.ExpireAt, Is.EqualTo(1893456000000L));
    }

    [Test]
    public void RequiredFieldsSentAsNullDoNotThrow()
    {
        var user = JsonConvert.DeserializeObject<User>("""{ "id": null, "object": "user", "created_at": null, "banned": null, "email_addresses": null }""")!;
        Assert.That(user.CreatedAt, Is.EqualTo(0L));
        Assert.That(user.Banned, Is.False);
    }

    [Test]
    public async Task EnumParametersGoOnTheWireAsTheirValue()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, "https://api.clerk.com/v1/sessions")
            .WithExactQueryString("user_id=user_1&status=active&limit=10&offset=0&paginated=true")
            .Respond("application/json", "[]");
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_abc", HttpMessageHandler = mock });

        var sessions = await clerk.Sessions.ListAsync(new SessionListOptions { UserId = "user_1", Status = SessionStatus.Active }).GetPageAsync(pageSizeHint: 10);

        Assert.That(sessions, Is.Empty);
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void AValueANewerApiAddsIsKeptAndComparable()
    {
        var status = JsonConvert.DeserializeObject<SessionStatus>("\"hibernating\"");
        Assert.That(status.IsKnown, Is.False);
        Assert.That(status, Is.EqualTo(new SessionStatus("hibernating")));
        Assert.That(status, Is.Not.EqualTo(SessionStatus.Active));
        Assert.That(SessionStatus.Active.IsKnown, Is.True);
        Assert.That(JsonConvert.SerializeObject(status), Is.EqualTo("\"hibernating\""));
    }
}
