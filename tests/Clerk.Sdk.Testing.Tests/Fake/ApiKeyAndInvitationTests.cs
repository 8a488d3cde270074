using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Clerk.Authentication;
using Clerk.BackendApi;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Fake;

/// <summary>API keys (with the verifier's machine-token path) and invitations.</summary>
public sealed class ApiKeyAndInvitationTests : FakeTestBase
{
    [Test]
    public async Task ApiKey_Create_Verify_List_Revoke()
    {
        var user = await CreateUserAsync("Keyholder");
        var created = await Clerk.ApiKeys.CreateAsync(new CreateApiKeyRequest { Name = "ci-deploy", Subject = user.Id, Scopes = ["deploy"], SecondsUntilExpiration = 3600 });
        var verifier = new ClerkTokenVerifier(Clerk, new ClerkTokenVerifierOptions { AcceptedTokenTypes = ClerkTokenTypes.ApiKey });

        var machine = await verifier.VerifyMachineTokenAsync(created.Secret, ClerkTokenTypes.ApiKey);
        var listed = await Clerk.ApiKeys.ListAsync(user.Id).GetPageAsync();
        var fetched = await Clerk.ApiKeys.GetAsync(created.Id);
        await Clerk.ApiKeys.RevokeAsync(created.Id, new RevokeApiKeyRequest { RevocationReason = "rotated" });
        var afterRevoke = Assert.ThrowsAsync<ClerkTokenException>(() => verifier.VerifyMachineTokenAsync(created.Secret, ClerkTokenTypes.ApiKey));
        var listedValid = await Clerk.ApiKeys.ListAsync(user.Id).GetPageAsync();
        var unknown = Assert.ThrowsAsync<ClerkTokenException>(() => verifier.VerifyMachineTokenAsync("ak_" + new string('x', 48), ClerkTokenTypes.ApiKey));

        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Does.Match("^ak_[0-9a-f]{32}$"));
            Assert.That(machine.Subject, Is.EqualTo(user.Id));
            Assert.That(listed.Select(k => k.Id), Is.EqualTo(new[] { created.Id }));
            Assert.That((fetched.Name, fetched.Expiration - fetched.CreatedAt), Is.EqualTo(("ci-deploy", (long?)3_600_000)));
            Assert.That(afterRevoke!.Reason, Is.EqualTo(ClerkTokenFailureReason.Revoked));
            Assert.That(listedValid, Is.Empty);
            Assert.That(unknown!.Reason, Is.EqualTo(ClerkTokenFailureReason.TokenNotFound));
        });
    }

    [Test]
    public async Task Invitation_Create_List_Revoke()
    {
        var invitation = await Clerk.Invitations.CreateAsync(new CreateInvitationRequest { EmailAddress = "new@example.com", PublicMetadata = Metadata.From(new { team = "blue" }) });
        var duplicate = Assert.ThrowsAsync<ClerkApiException>(() => Clerk.Invitations.CreateAsync(new CreateInvitationRequest { EmailAddress = "NEW@example.com" }));
        var pending = await Clerk.Invitations.ListAsync(new InvitationListOptions { Status = InvitationStatus.Pending }).GetPageAsync();

        var revoked = await Clerk.Invitations.RevokeAsync(invitation.Id);
        var stillPending = await Clerk.Invitations.ListAsync(new InvitationListOptions { Status = InvitationStatus.Pending }).GetPageAsync();

        Assert.Multiple(() =>
        {
            Assert.That(invitation.Id, Does.Match("^inv_[0-9A-Za-z]{27}$"));
            Assert.That(duplicate!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(pending.Select(i => i.Id), Is.EqualTo(new[] { invitation.Id }));
            Assert.That((revoked.Revoked, revoked.Status), Is.EqualTo(((bool?)true, (InvitationRevokedStatus?)InvitationRevokedStatus.Revoked)));
            Assert.That(stillPending, Is.Empty);
        });
    }
}
