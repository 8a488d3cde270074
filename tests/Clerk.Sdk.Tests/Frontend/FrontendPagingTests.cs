using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Frontend;

/// <summary>
/// The Frontend API's list operations return pageables too: the list under <c>response</c> beside the client's state,
/// in either shape, with <c>paginated=true</c> where the operation takes it.
/// </summary>
[TestFixture]
public class FrontendPagingTests
{
    private const string Host = "example-destined-camel-13.clerk.accounts.dev";
    private const string PublishableKey = "pk_test_ZXhhbXBsZS1kZXN0aW5lZC1jYW1lbC0xMy5jbGVyay5hY2NvdW50cy5kZXYk";
    private const string Native = "_is_native=true&__clerk_api_version=2025-11-10";

    private static string Membership(int n) => $$"""{"object":"organization_membership","id":"orgmem_{{n}}","role":"org:member"}""";

    [Test]
    public async Task MyMemberships_PageByOffset_WithPaginated_AndReadTheEnvelope()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, $"https://{Host}/v1/me/organization_memberships").WithExactQueryString("limit=2&offset=0&paginated=true&" + Native)
            .Respond("application/json", $$"""{"response":{"data":[{{Membership(1)}},{{Membership(2)}}],"total_count":3},"client":null}""");
        mock.Expect(HttpMethod.Get, $"https://{Host}/v1/me/organization_memberships").WithExactQueryString("limit=2&offset=2&paginated=true&" + Native)
            .Respond("application/json", $$"""{"response":[{{Membership(3)}}],"client":null}""");
        using var clerk = new ClerkFrontendClient(new ClerkFrontendClientOptions { PublishableKey = PublishableKey, ClientToken = "client_token", HttpMessageHandler = mock });

        var pages = new System.Collections.Generic.List<ClerkPage<Clerk.FrontendApi.ClientOrganizationMembership>>();
        await foreach (var page in clerk.OrganizationsMemberships.ListOrganizationMembershipsAsync().AsPages(pageSizeHint: 2))
        {
            pages.Add(page);
        }

        mock.VerifyNoOutstandingExpectation();
        Assert.That(pages, Has.Count.EqualTo(2));
        Assert.That(pages[0].TotalCount, Is.EqualTo(3), "{ response: { data, total_count } }");
        Assert.That(pages[0].ContinuationToken, Is.EqualTo("2"));
        Assert.That(pages.SelectMany(p => p).Select(m => m.Id), Is.EqualTo(new[] { "orgmem_1", "orgmem_2", "orgmem_3" }), "the last page, a bare array under response, is read too");
    }

    [Test]
    public async Task ASessionPerCall_ReplacesTheClientsSession_ForThatCallOnly()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, $"https://{Host}/v1/me/organization_memberships").WithExactQueryString("limit=100&offset=0&paginated=true&" + Native + "&_clerk_session_id=sess_other")
            .Respond("application/json", """{"response":{"data":[],"total_count":0},"client":null}""");
        mock.Expect(HttpMethod.Get, $"https://{Host}/v1/me/organization_memberships").WithExactQueryString("limit=100&offset=0&paginated=true&" + Native + "&_clerk_session_id=sess_default")
            .Respond("application/json", """{"response":{"data":[],"total_count":0},"client":null}""");
        using var clerk = new ClerkFrontendClient(new ClerkFrontendClientOptions { PublishableKey = PublishableKey, ClientToken = "client_token", SessionId = "sess_default", HttpMessageHandler = mock });

        await clerk.OrganizationsMemberships.ListOrganizationMembershipsAsync(requestOptions: new ClerkRequestOptions { SessionId = "sess_other" }).GetPageAsync();
        await clerk.OrganizationsMemberships.ListOrganizationMembershipsAsync().GetPageAsync();

        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void ASessionPerCall_IsRefusedByTheBackendApi()
    {
        var mock = new MockHttpMessageHandler();
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_sessionPerCall000000000", HttpMessageHandler = mock });

        Assert.ThrowsAsync<ClerkConfigurationException>(() => clerk.Users.GetAsync("user_1", requestOptions: new ClerkRequestOptions { SessionId = "sess_1" }));
    }
}
