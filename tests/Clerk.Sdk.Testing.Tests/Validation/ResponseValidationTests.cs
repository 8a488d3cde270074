using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Validation;

/// <summary>
/// Every operation the fake implements, called through the SDK with representative arguments (and the usual errors:
/// 404, 422, 400, 401), and every response validated against the spec's schema of its operation and status.
/// </summary>
public sealed class ResponseValidationTests
{
    [Test]
    public async Task EveryImplementedOperation_AnswersAsTheSpecSays()
    {
        await using var fake = FakeClerkServer.Create();
        var handler = new ValidatingHandler(fake.CreateHttpMessageHandler());
        using var clerk = fake.CreateClient(o => { o.HttpMessageHandler = handler; o.Retry = new ClerkRetryOptions { MaxRetries = 0 }; });

        await Scenario.RunAsync(clerk);

        var validated = handler.Validated;
        var operations = validated.Select(v => v.Operation).ToHashSet();
        TestContext.Out.WriteLine($"validated {validated.Count} responses of {operations.Count} operations ({validated.Count(v => v.Status >= 400)} errors)");
        Assert.Multiple(() =>
        {
            Assert.That(handler.Findings, Is.Empty, "responses that do not match the spec");
            Assert.That(fake.ImplementedOperations.Except(operations), Is.Empty, "implemented operations the scenario did not reach");
            Assert.That(validated.Select(v => v.Status).Distinct(), Is.SupersetOf(new[] { 200, 400, 401, 404, 422 }));
        });
    }

    [Test]
    public void TheValidator_CatchesAMissingRequiredField()
    {
        var operation = SpecSchemas.Instance.Find("GET", "/users/user_x")!;
        var user = JObject.Parse("{\"id\":\"user_x\",\"object\":\"user\"}");

        var findings = SpecSchemas.Instance.Check(operation, 200, user.ToString());

        Assert.That(findings, Has.Some.Contains("username"));
    }

    [Test]
    public void TheValidator_CatchesAWrongType()
    {
        var operation = SpecSchemas.Instance.Find("GET", "/sessions/sess_x")!;
        var session = JObject.Parse("{\"object\":\"session\",\"id\":\"sess_x\",\"user_id\":\"u\",\"client_id\":\"c\",\"status\":\"active\",\"last_active_at\":\"yesterday\",\"expire_at\":1,\"abandon_at\":1,\"updated_at\":1,\"created_at\":1}");

        var findings = SpecSchemas.Instance.Check(operation, 200, session.ToString());

        Assert.That(findings, Has.Some.Contains("last_active_at"));
    }

    private static class Scenario
    {
        public static async Task RunAsync(ClerkClient clerk)
        {
            var ada = await clerk.Users.CreateAsync(new CreateUserRequest { EmailAddress = ["ada@example.com"], PhoneNumber = ["+15555550100"], Username = "ada_l", FirstName = "Ada", Password = "correct horse battery", PublicMetadata = Metadata.From(new { plan = "free" }) });
            var bob = await clerk.Users.CreateAsync(new CreateUserRequest { EmailAddress = ["bob@example.com"], FirstName = "Bob" });
            await clerk.Users.GetAsync(ada.Id);
            await clerk.Users.ListAsync(new UserListOptions { Query = "example", OrderBy = "-created_at" }).GetPageAsync(pageSizeHint: 1);
            await clerk.Users.CountAsync();
            await clerk.Users.UpdateAsync(ada.Id, new UpdateUserRequest { LastName = "Lovelace", ExternalId = "ext-1" });
            await clerk.Users.UpdateMetadataAsync(ada.Id, new UpdateUserMetadataRequest { PrivateMetadata = Metadata.From(new { note = "x" }) });
            await clerk.Users.BanAsync(bob.Id);
            await clerk.Users.UnbanAsync(bob.Id);
            await clerk.Users.LockAsync(bob.Id);
            await clerk.Users.UnlockAsync(bob.Id);

            var org = await clerk.Organizations.CreateAsync(new CreateOrganizationRequest { Name = "Acme", CreatedBy = ada.Id, PublicMetadata = Metadata.From(new { tier = 1 }) });
            await clerk.Organizations.GetAsync(org.Slug, new OrganizationGetOptions { IncludeMembersCount = true });
            await clerk.Organizations.ListAsync(new OrganizationListOptions { IncludeMembersCount = true, OrderBy = "name" }).GetPageAsync();
            await clerk.Organizations.UpdateAsync(org.Id, new UpdateOrganizationRequest { Name = "Acme Inc", MaxAllowedMemberships = 10 });
            await clerk.Organizations.UpdateMetadataAsync(org.Id, new UpdateOrganizationMetadataRequest { PrivateMetadata = Metadata.From(new { crm = "42" }) });
            await clerk.OrganizationMemberships.CreateAsync(org.Id, new CreateOrganizationMembershipRequest { UserId = bob.Id, Role = "org:member" });
            await clerk.OrganizationMemberships.ListAsync(org.Id, new OrganizationMembershipListOptions { Role = ["org:member"] }).GetPageAsync();
            await clerk.OrganizationMemberships.UpdateAsync(org.Id, bob.Id, new UpdateOrganizationMembershipRequest { Role = "org:admin" });
            await clerk.Users.ListOrganizationMembershipsAsync(ada.Id).GetPageAsync();
            await clerk.OrganizationMemberships.DeleteAsync(org.Id, bob.Id);

            var session = await clerk.Sessions.CreateAsync(new CreateSessionRequest { UserId = ada.Id, ActiveOrganizationId = org.Id });
            await clerk.Sessions.GetAsync(session.Id);
            await clerk.Sessions.ListAsync(new SessionListOptions { UserId = ada.Id, Status = SessionStatus.Active }).GetPageAsync();
            await clerk.Sessions.CreateTokenAsync(session.Id, new CreateSessionTokenRequest { ExpiresInSeconds = 120 });
            await clerk.Sessions.RevokeAsync(session.Id);
            await clerk.Jwks.GetAsync();

            var invitation = await clerk.Invitations.CreateAsync(new CreateInvitationRequest { EmailAddress = "carol@example.com", ExpiresInDays = 7 });
            await clerk.Invitations.ListAsync(new InvitationListOptions { Query = "carol" }).GetPageAsync();
            await clerk.Invitations.RevokeAsync(invitation.Id);

            var key = await clerk.ApiKeys.CreateAsync(new CreateApiKeyRequest { Name = "ci-key", Subject = ada.Id, Description = "CI", Claims = new { env = "ci" }, CreatedBy = ada.Id });
            await clerk.ApiKeys.ListAsync(ada.Id, new ApiKeyListOptions { IncludeInvalid = true }).GetPageAsync();
            await clerk.ApiKeys.GetAsync(key.Id);
            await clerk.ApiKeys.GetSecretAsync(key.Id);
            await clerk.ApiKeys.UpdateAsync(key.Id, new UpdateApiKeyRequest { Description = "CI deploys", Scopes = ["deploy"] });
            await clerk.ApiKeys.VerifyAsync(new VerifyApiKeyRequest { Secret = key.Secret });
            await clerk.ApiKeys.RevokeAsync(key.Id, new RevokeApiKeyRequest { RevocationReason = "rotated" });
            await clerk.ApiKeys.DeleteAsync(key.Id);

            await clerk.Organizations.DeleteAsync(org.Id);
            await clerk.Users.DeleteAsync(bob.Id);

            await Expect(HttpStatusCode.NotFound, () => clerk.Users.GetAsync(bob.Id));
            await Expect(HttpStatusCode.NotFound, () => clerk.Sessions.GetAsync("sess_missing"));
            await Expect(HttpStatusCode.NotFound, () => clerk.Organizations.GetAsync("org_missing"));
            await Expect(HttpStatusCode.NotFound, () => clerk.ApiKeys.GetAsync("ak_" + new string('0', 32)));
            await Expect(HttpStatusCode.UnprocessableEntity, () => clerk.Users.CreateAsync(new CreateUserRequest { EmailAddress = ["ada@example.com"] }));
            await Expect(HttpStatusCode.UnprocessableEntity, () => clerk.Sessions.CreateAsync(new CreateSessionRequest()));
            await Expect(HttpStatusCode.BadRequest, () => clerk.ApiKeys.CreateAsync(new CreateApiKeyRequest { Name = "x", Subject = "user_short" }));
            await clerk.Invitations.CreateAsync(new CreateInvitationRequest { EmailAddress = "dup@example.com" });
            await Expect(HttpStatusCode.BadRequest, () => clerk.Invitations.CreateAsync(new CreateInvitationRequest { EmailAddress = "dup@example.com" }));
            using var stranger = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_stranger000000000000000000", ApiUrl = clerk.Options.ApiUrl, HttpMessageHandler = clerk.Options.HttpMessageHandler, Retry = new ClerkRetryOptions { MaxRetries = 0 } });
            await Expect(HttpStatusCode.Unauthorized, () => stranger.Users.GetAsync(ada.Id));
        }

        private static async Task Expect(HttpStatusCode status, Func<Task> call)
        {
            try
            {
                await call();
            }
            catch (ClerkApiException ex) when (ex.StatusCode == status)
            {
                return;
            }
            throw new AssertionException($"expected a ClerkApiException with status {(int)status}");
        }
    }
}
