using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Http;
using Clerk.Sdk.Tests.Support;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Operations;

/// <summary>Every request carries its operation's descriptor; a handler of the user's reads it instead of the URL.</summary>
[TestFixture]
public class OperationDescriptorTests
{
    [Test]
    public async Task AUsersHandler_SeesTheDescriptor_OfEachRequest()
    {
        var mock = ClerkMock.NewHandler();
        mock.ExpectClerk(HttpMethod.Get, "/users/user_1").RespondJson(UserJson("user_1"));
        mock.ExpectClerk(HttpMethod.Get, "/users", "limit=2&starting_after=user_0").RespondJson("[]");
        var transport = new RecordingTransport(mock);
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = ClerkMock.SecretKey, HttpMessageHandler = transport });

        await clerk.Users.GetAsync("user_1");
        await clerk.Users.ListAsync().GetPageAsync("user_0", pageSizeHint: 2);

        mock.VerifyNoOutstandingExpectation();
        Assert.That(transport.Seen.Select(s => s.Operation?.ToString()), Is.EqualTo(new[] { "Users.Get GET /users/{user_id}", "Users.List GET /users" }));
        var get = transport.Seen[0].Operation!;
        Assert.Multiple(() =>
        {
            Assert.That(get, Is.SameAs(ClerkOperations.Users_Get), "the generated descriptor itself, not a lookup");
            Assert.That(get.Resource, Is.EqualTo("Users"));
            Assert.That(get.Name, Is.EqualTo("Get"));
            Assert.That(get.Method, Is.EqualTo(HttpMethod.Get));
            Assert.That(get.PathParameters, Is.EqualTo(new[] { "user_id" }));
            Assert.That(get.ResultKind, Is.EqualTo(ClerkResultKind.Json));
            Assert.That(get.IsIdempotent, Is.True);
            Assert.That(ClerkOperations.Users_Create.IsIdempotent, Is.False);
            Assert.That(ClerkOperations.Users_Create.RequestMediaType, Is.EqualTo("application/json"));
        });
    }

    [Test]
    public void AnEmptyOrBlankId_IsRefused_BeforeAnythingIsSent()
    {
        var mock = ClerkMock.NewHandler();
        using var clerk = ClerkMock.NewClient(mock);

        var empty = Assert.ThrowsAsync<ArgumentException>(() => clerk.Users.GetAsync(""));
        Assert.That(empty!.ParamName, Is.EqualTo("userId"));
        Assert.That(empty.Message, Does.Contain("Users.Get").And.Contain("must not be empty"));
        Assert.ThrowsAsync<ArgumentException>(() => clerk.Users.DeleteAsync("  "));
        var missing = Assert.ThrowsAsync<ArgumentNullException>(() => clerk.Organizations.GetAsync(null!))!;
        Assert.That((missing.ParamName, missing.Message), Is.EqualTo(("organizationId", "Organizations.Get: 'organizationId' is required. (Parameter 'organizationId')")));
        Assert.That(mock.GetMatchCount(mock.Fallback), Is.Zero);
    }

    [Test]
    public async Task AnIdIsEscaped_AsOnePathSegment()
    {
        var mock = ClerkMock.NewHandler();
        mock.Expect(HttpMethod.Get, ClerkMock.ApiBase + "/users/a%2Fb%3Fc").RespondJson(UserJson("a/b?c"));
        using var clerk = ClerkMock.NewClient(mock);

        var user = await clerk.Users.GetAsync("a/b?c");

        Assert.That(user.Id, Is.EqualTo("a/b?c"));
        mock.VerifyNoOutstandingExpectation();
    }

    internal static string UserJson(string id) =>
        $$"""{"id":"{{id}}","object":"user","created_at":1,"updated_at":1,"email_addresses":[],"phone_numbers":[],"web3_wallets":[],"external_accounts":[],"passkeys":[],"saml_accounts":[],"enterprise_accounts":[],"public_metadata":{},"private_metadata":{},"unsafe_metadata":{},"password_enabled":false,"two_factor_enabled":false,"totp_enabled":false,"backup_code_enabled":false,"banned":false,"locked":false}""";
}
