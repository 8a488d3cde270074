using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Sdk.Tests.Support;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Operations;

/// <summary>
/// POST /m2m_tokens takes a machine secret key (ak_...) only; listing, revoking and verifying M2M tokens take either
/// key; every other operation takes the secret key (sk_...) and refuses a machine key, before anything is sent.
/// </summary>
[TestFixture]
public class MachineSecretKeyTests
{
    private const string MachineKey = "ak_3beecc9c60adb5f9b850e91a8ee1e992";

    private const string M2MTokenJson = """{"object":"machine_to_machine_token","id":"mt_1","subject":"mch_1","scopes":[],"claims":null,"revoked":false,"revocation_reason":null,"expired":false,"expiration":null,"created_at":1,"updated_at":1,"token":"mt_secret"}""";

    [Test]
    public async Task CreatingAnM2MToken_WithAMachineKeyPassedPerCall_SendsThatKey()
    {
        var mock = ClerkMock.NewHandler();
        mock.Expect(HttpMethod.Post, ClerkMock.ApiBase + "/m2m_tokens").WithHeaders("Authorization", "Bearer " + MachineKey).RespondJson(M2MTokenJson);
        using var clerk = ClerkMock.NewClient(mock);

        var token = await clerk.M2M.CreateTokenAsync(new CreateM2MTokenRequest { SecondsUntilExpiration = 60 }, requestOptions: new ClerkRequestOptions { SecretKey = MachineKey });

        Assert.That(token.Id, Is.EqualTo("mt_1"));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task AMachineKeyInTheClientOptions_GoesToCreate_AndTheSecretKeyStaysTheDefaultElsewhere()
    {
        var mock = ClerkMock.NewHandler();
        mock.Expect(HttpMethod.Post, ClerkMock.ApiBase + "/m2m_tokens").WithHeaders("Authorization", "Bearer " + MachineKey).RespondJson(M2MTokenJson);
        mock.ExpectClerk(HttpMethod.Get, "/m2m_tokens", "subject=mch_1&limit=100&offset=0").RespondJson("""{"data":[],"total_count":0}""");
        mock.ExpectClerk(HttpMethod.Get, "/users/user_1").RespondJson(OperationDescriptorTests.UserJson("user_1"));
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = ClerkMock.SecretKey, MachineSecretKey = MachineKey, HttpMessageHandler = mock });

        await clerk.M2M.CreateTokenAsync(new CreateM2MTokenRequest());
        await clerk.M2M.ListTokensAsync("mch_1").GetPageAsync();   // either key: the secret key by default
        await clerk.Users.GetAsync("user_1");

        mock.VerifyNoOutstandingExpectation();
        Assert.That(clerk.Options.ToString(), Does.Not.Contain(MachineKey));
    }

    [Test]
    public void CreatingAnM2MToken_WithoutAMachineKey_IsAConfigurationError_BeforeSending()
    {
        var mock = ClerkMock.NewHandler();
        using var clerk = ClerkMock.NewClient(mock);

        var ex = Assert.ThrowsAsync<ClerkConfigurationException>(() => clerk.M2M.CreateTokenAsync(new CreateM2MTokenRequest()));
        Assert.That(ex!.Message, Does.Contain("M2M.CreateToken").And.Contain("machine secret key").And.Contain("MachineSecretKey"));

        var secret = Assert.ThrowsAsync<ClerkConfigurationException>(() => clerk.M2M.CreateTokenAsync(new CreateM2MTokenRequest(), requestOptions: new ClerkRequestOptions { SecretKey = ClerkMock.SecretKey }));
        Assert.That(secret!.Message, Does.Contain("machine secret key").And.Not.Contain(ClerkMock.SecretKey));
        Assert.That(mock.GetMatchCount(mock.Fallback), Is.Zero);
    }

    [Test]
    public void AMachineKey_IsRefused_ByAnOperationThatTakesTheSecretKey()
    {
        var mock = ClerkMock.NewHandler();
        using var clerk = ClerkMock.NewClient(mock);

        var ex = Assert.ThrowsAsync<ClerkConfigurationException>(() => clerk.Users.GetAsync("user_1", requestOptions: new ClerkRequestOptions { SecretKey = MachineKey }));

        Assert.That(ex!.Message, Does.Contain("Users.Get does not accept a machine secret key").And.Not.Contain(MachineKey));
        Assert.That(mock.GetMatchCount(mock.Fallback), Is.Zero);
    }

    [Test]
    public async Task VerifyingAnM2MToken_AcceptsAMachineKeyPerCall()
    {
        var mock = ClerkMock.NewHandler();
        mock.Expect(HttpMethod.Post, ClerkMock.ApiBase + "/m2m_tokens/verify").WithHeaders("Authorization", "Bearer " + MachineKey).RespondJson(M2MTokenJson);
        using var clerk = ClerkMock.NewClient(mock);

        await clerk.M2M.VerifyTokenAsync(new VerifyM2MTokenRequest { Token = "mt_secret" }, requestOptions: new ClerkRequestOptions { SecretKey = MachineKey });

        mock.VerifyNoOutstandingExpectation();
    }
}
