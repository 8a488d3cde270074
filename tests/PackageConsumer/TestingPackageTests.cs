using System.Threading.Tasks;
using Clerk;
using Clerk.Authentication;
using Clerk.BackendApi;
using Clerk.Testing;
using Clerk.Webhooks;
using NUnit.Framework;

namespace PackageConsumer;

/// <summary>The packed Clerk.Sdk.Testing: the fake in process, a session token it mints, a webhook it signs.</summary>
public class TestingPackageTests
{
    [Test]
    public void TheReferenceIsThePackage_NotTheProject() =>
        Assert.That(typeof(FakeClerkServer).Assembly.Location, Does.Contain("clerk.sdk.testing").IgnoreCase.And.Not.Contain("src/Clerk.Sdk.Testing/bin"));

    [Test]
    public async Task TheFakeServesTheClientAndItsTokensVerify()
    {
        await using var fake = FakeClerkServer.Create();
        using var clerk = fake.CreateClient();

        var user = await clerk.Users.CreateAsync(new CreateUserRequest { EmailAddress = ["grace@example.com"] });
        var claims = await new ClerkTokenVerifier(clerk, fake.CreateTokenVerifierOptions()).VerifySessionTokenAsync(fake.CreateSessionToken(user.Id));

        Assert.That((await clerk.Users.GetAsync(user.Id)).EmailAddresses[0].EmailAddressValue, Is.EqualTo("grace@example.com"));
        Assert.That(claims.UserId, Is.EqualTo(user.Id));
    }

    [Test]
    public void AWebhookSignedForATestVerifies_AndATamperedOneDoesNot()
    {
        var secret = ClerkWebhookSigner.NewSecret();
        const string body = """{"type":"user.created","object":"event","data":{"id":"user_1","object":"user"}}""";
        var headers = new ClerkWebhookSigner(secret).Sign(body);
        var verifier = new ClerkWebhookVerifier(secret);

        Assert.That(verifier.VerifyAndParse(body, headers).Type, Is.EqualTo(ClerkWebhookEventTypes.UserCreated));
        Assert.That(() => verifier.Verify(body.Replace("user_1", "user_2"), headers), Throws.InstanceOf<ClerkException>());
    }
}
