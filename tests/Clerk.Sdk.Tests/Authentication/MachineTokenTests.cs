using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Authentication;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Clerk.Sdk.Tests.Authentication.AuthTestKit;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>API keys, M2M tokens and OAuth access tokens: opaque ones through the Backend API, JWTs locally; types not accepted cost no call.</summary>
[TestFixture]
public class MachineTokenTests
{
    private const string ApiKey = "ak_live_4mHq2TzS7dEXAMPLEapiKEYsecret";
    private const string M2MToken = "mt_2abcEXAMPLEm2mTOKENsecret";
    private const string OAuthToken = "oat_2abcEXAMPLEoauthTOKENsecret";

    private sealed class Backend : IDisposable
    {
        private int _requests;

        public Backend()
        {
            Mock.Fallback.Respond(_ =>
            {
                Interlocked.Increment(ref _requests);
                return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{\"errors\":[{\"code\":\"resource_not_found\",\"message\":\"not found\"}]}") };
            });
            Client = new ClerkClient(new ClerkClientOptions { SecretKey = SecretKey, HttpMessageHandler = Mock, TimeProvider = Clock(), Retry = new ClerkRetryOptions { MaxRetries = 0 } });
        }

        public string SecretKey { get; } = "sk_test_" + Guid.NewGuid().ToString("N");

        public MockHttpMessageHandler Mock { get; } = new();

        public ClerkClient Client { get; }

        public int Requests => Volatile.Read(ref _requests);

        public void Answer(string path, string expectedJsonBody, HttpStatusCode status, string json) =>
            Mock.When(HttpMethod.Post, "https://api.clerk.com/v1/" + path)
                .With(m => m.Content!.ReadAsStringAsync().Result.Replace(" ", "", StringComparison.Ordinal).Contains(expectedJsonBody, StringComparison.Ordinal))
                .Respond(_ =>
                {
                    Interlocked.Increment(ref _requests);
                    return new HttpResponseMessage(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
                });

        public ClerkTokenVerifier Verifier(ClerkTokenTypes accepted = ClerkTokenTypes.Any) =>
            new(Client, new ClerkTokenVerifierOptions { JwtKey = PemA, Issuer = Issuer, AcceptedTokenTypes = accepted });

        public void Dispose()
        {
            Client.Dispose();
            Mock.Dispose();
        }
    }

    [Test]
    public async Task ApiKey_IsVerifiedThroughTheBackendApi()
    {
        using var backend = new Backend();
        backend.Answer("api_keys/verify", "\"secret\":\"" + ApiKey + "\"", HttpStatusCode.OK,
            "{\"object\":\"api_key\",\"id\":\"ak_2id\",\"type\":\"api_key\",\"subject\":\"user_2abc\",\"name\":\"CI\",\"claims\":{\"team\":\"core\"},\"scopes\":[\"read\"],\"revoked\":false,\"expired\":false,\"expiration\":1900000000000,\"created_at\":1,\"updated_at\":2}");
        var auth = await backend.Verifier().VerifyMachineTokenAsync(ApiKey, ClerkTokenTypes.ApiKey);
        Assert.That((auth.TokenType, auth.Id, auth.Subject, auth.Name), Is.EqualTo((ClerkTokenType.ApiKey, "ak_2id", "user_2abc", "CI")));
        Assert.That(auth.Scopes, Is.EqualTo(new[] { "read" }));
        Assert.That(auth.Claims!.Value.GetProperty("team").GetString(), Is.EqualTo("core"));
        Assert.That(auth.Expiration, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1900000000000)));
        Assert.That(auth.VerifiedLocally, Is.False);
        Assert.That(auth.ToString(), Does.Not.Contain(ApiKey));
    }

    [Test]
    public async Task OpaqueM2MToken_IsVerifiedThroughTheBackendApi()
    {
        using var backend = new Backend();
        backend.Answer("m2m_tokens/verify", "\"token\":\"" + M2MToken + "\"", HttpStatusCode.OK,
            "{\"object\":\"machine_to_machine_token\",\"id\":\"mt_2id\",\"subject\":\"mch_2abc\",\"scopes\":[\"mch_other\"],\"revoked\":false,\"expired\":false,\"created_at\":1,\"updated_at\":2}");
        var auth = await backend.Verifier().VerifyMachineTokenAsync(M2MToken, ClerkTokenTypes.MachineTokens);
        Assert.That((auth.TokenType, auth.Id, auth.Subject), Is.EqualTo((ClerkTokenType.M2MToken, "mt_2id", "mch_2abc")));
        Assert.That(auth.Scopes, Is.EqualTo(new[] { "mch_other" }));
    }

    [Test]
    public async Task OpaqueM2MToken_IsVerifiedWithTheMachineSecretKey_WhenOneIsSet()
    {
        using var backend = new Backend();
        const string machineKey = "ak_machine_0123456789";
        backend.Mock.Expect(HttpMethod.Post, "https://api.clerk.com/v1/m2m_tokens/verify")
            .WithHeaders("Authorization", "Bearer " + machineKey)
            .Respond("application/json", "{\"object\":\"machine_to_machine_token\",\"id\":\"mt_2id\",\"subject\":\"mch_2abc\",\"revoked\":false,\"expired\":false,\"created_at\":1,\"updated_at\":2}");
        var verifier = new ClerkTokenVerifier(backend.Client, new ClerkTokenVerifierOptions { JwtKey = PemA, Issuer = Issuer, MachineSecretKey = machineKey, AcceptedTokenTypes = ClerkTokenTypes.MachineTokens });

        var auth = await verifier.VerifyMachineTokenAsync(M2MToken, ClerkTokenTypes.MachineTokens);

        backend.Mock.VerifyNoOutstandingExpectation();
        Assert.That(auth.Subject, Is.EqualTo("mch_2abc"));
        Assert.Throws<ClerkConfigurationException>(() => new ClerkTokenVerifier(backend.Client, new ClerkTokenVerifierOptions { MachineSecretKey = "sk_test_notamachinekey" }));
    }

    [Test]
    public async Task OpaqueOAuthToken_IsVerifiedThroughTheBackendApi()
    {
        using var backend = new Backend();
        backend.Answer("oauth_applications/access_tokens/verify", "\"access_token\":\"" + OAuthToken + "\"", HttpStatusCode.OK,
            "{\"object\":\"clerk_idp_oauth_access_token\",\"id\":\"oat_2id\",\"client_id\":\"client_1\",\"subject\":\"user_2abc\",\"scopes\":[\"profile\",\"email\"],\"revoked\":false,\"expired\":false,\"active\":true}");
        var auth = await backend.Verifier().VerifyMachineTokenAsync(OAuthToken, ClerkTokenTypes.OAuthToken);
        Assert.That((auth.TokenType, auth.Id, auth.Subject, auth.ClientId), Is.EqualTo((ClerkTokenType.OAuthToken, "oat_2id", "user_2abc", "client_1")));
        Assert.That(auth.Scopes, Is.EqualTo(new[] { "profile", "email" }));
    }

    [TestCase(HttpStatusCode.NotFound, ClerkTokenFailureReason.TokenNotFound)]
    [TestCase(HttpStatusCode.Unauthorized, ClerkTokenFailureReason.InvalidSecretKey)]
    [TestCase(HttpStatusCode.Forbidden, ClerkTokenFailureReason.InvalidSecretKey)]
    [TestCase(HttpStatusCode.BadGateway, ClerkTokenFailureReason.VerificationUnavailable)]
    public async Task BackendErrors_MapToReasons_WithoutSecrets(HttpStatusCode status, ClerkTokenFailureReason reason)
    {
        using var backend = new Backend();
        backend.Answer("api_keys/verify", ApiKey, status, "{\"errors\":[{\"code\":\"x\",\"message\":\"no\"}]}");
        var error = await HostileTokenTests.CatchAsync(() => backend.Verifier().VerifyMachineTokenAsync(ApiKey, ClerkTokenTypes.ApiKey));
        Assert.That(error?.Reason, Is.EqualTo(reason));
        Assert.That(error!.TokenType, Is.EqualTo(ClerkTokenType.ApiKey));
        Assert.That(error.Message, Is.EqualTo(reason switch
        {
            ClerkTokenFailureReason.TokenNotFound => "The ApiKey was not verified: Clerk does not know this token.",
            ClerkTokenFailureReason.InvalidSecretKey => "The ApiKey was not verified: the Backend API rejected the secret key.",
            _ => $"The ApiKey was not verified: the Backend API answered {(int)status}.",
        }));
        Assert.That(error.InnerException, Is.InstanceOf<ClerkApiException>());
        Assert.That(error.ToString(), Does.Not.Contain(ApiKey).And.Not.Contain(backend.SecretKey));
    }

    [Test]
    public async Task RevokedAndExpired_AreRejected()
    {
        using var backend = new Backend();
        backend.Answer("m2m_tokens/verify", M2MToken, HttpStatusCode.OK, "{\"object\":\"machine_to_machine_token\",\"id\":\"mt_1\",\"subject\":\"mch_1\",\"revoked\":true,\"expired\":false,\"created_at\":1,\"updated_at\":1}");
        backend.Answer("api_keys/verify", ApiKey, HttpStatusCode.OK, "{\"object\":\"api_key\",\"id\":\"ak_1\",\"subject\":\"user_1\",\"name\":\"n\",\"scopes\":[],\"revoked\":false,\"expired\":true,\"created_at\":1,\"updated_at\":1}");
        backend.Answer("oauth_applications/access_tokens/verify", OAuthToken, HttpStatusCode.OK,
            "{\"object\":\"clerk_idp_oauth_access_token\",\"id\":\"oat_1\",\"client_id\":\"client_1\",\"subject\":\"user_1\",\"scopes\":[],\"revoked\":true,\"expired\":true,\"active\":false}");
        var verifier = backend.Verifier();
        var revoked = await HostileTokenTests.CatchAsync(() => verifier.VerifyMachineTokenAsync(M2MToken, ClerkTokenTypes.Any));
        var expired = await HostileTokenTests.CatchAsync(() => verifier.VerifyMachineTokenAsync(ApiKey, ClerkTokenTypes.Any));
        var oauth = await HostileTokenTests.CatchAsync(() => verifier.VerifyMachineTokenAsync(OAuthToken, ClerkTokenTypes.Any));
        Assert.That((revoked?.Reason, revoked?.TokenType, revoked?.Message), Is.EqualTo((ClerkTokenFailureReason.Revoked, ClerkTokenType.M2MToken, "The M2MToken was revoked.")));
        Assert.That((expired?.Reason, expired?.TokenType, expired?.Message), Is.EqualTo((ClerkTokenFailureReason.Expired, ClerkTokenType.ApiKey, "The ApiKey expired.")));
        Assert.That((oauth?.Reason, oauth?.TokenType), Is.EqualTo((ClerkTokenFailureReason.Revoked, ClerkTokenType.OAuthToken)), "revocation comes before expiry and activity");
    }

    [TestCase("{}", "object", TestName = "An empty answer is no verification")]
    [TestCase("{\"id\":\"ak_1\",\"subject\":\"user_1\",\"revoked\":false,\"expired\":false}", "object", TestName = "An answer without an object is no verification")]
    [TestCase("{\"object\":\"api_key\",\"subject\":\"user_1\",\"revoked\":false,\"expired\":false}", "id", TestName = "An answer without an id is no verification")]
    [TestCase("{\"object\":\"api_key\",\"id\":\"ak_1\",\"revoked\":false,\"expired\":false}", "subject", TestName = "An answer without a subject is no verification")]
    public async Task AnIncompleteAnswer_IsNeverAValidToken(string answer, string missing)
    {
        using var backend = new Backend();
        backend.Answer("api_keys/verify", ApiKey, HttpStatusCode.OK, answer);

        var error = await HostileTokenTests.CatchAsync(() => backend.Verifier().VerifyMachineTokenAsync(ApiKey, ClerkTokenTypes.Any));

        Assert.That(error?.Reason, Is.EqualTo(ClerkTokenFailureReason.VerificationUnavailable));
        Assert.That(error!.Message, Is.EqualTo($"The ApiKey was not verified: the Backend API's answer has no {missing}."));
        Assert.That(error.TokenType, Is.EqualTo(ClerkTokenType.ApiKey));
    }

    [TestCase("m2m_tokens/verify", M2MToken, ClerkTokenType.M2MToken)]
    [TestCase("oauth_applications/access_tokens/verify", OAuthToken, ClerkTokenType.OAuthToken)]
    public async Task AnEmptyAnswer_IsNoVerification_ForEveryKind(string path, string token, ClerkTokenType type)
    {
        using var backend = new Backend();
        backend.Answer(path, token, HttpStatusCode.OK, "{}");

        var error = await HostileTokenTests.CatchAsync(() => backend.Verifier().VerifyMachineTokenAsync(token, ClerkTokenTypes.Any));

        Assert.That((error?.Reason, error?.TokenType, error?.Message), Is.EqualTo((ClerkTokenFailureReason.VerificationUnavailable, type, $"The {type} was not verified: the Backend API's answer has no object.")));
    }

    [Test]
    public async Task ABackendApiCallThatFails_IsVerificationUnavailable_SayingHow()
    {
        using var mock = new MockHttpMessageHandler();
        mock.Fallback.Throw(new HttpRequestException("connection refused"));
        using var client = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_" + Guid.NewGuid().ToString("N"), HttpMessageHandler = mock, Retry = new ClerkRetryOptions { MaxRetries = 0 } });
        var verifier = new ClerkTokenVerifier(client, new ClerkTokenVerifierOptions { JwtKey = PemA, AcceptedTokenTypes = ClerkTokenTypes.Any });

        var error = await HostileTokenTests.CatchAsync(() => verifier.VerifyMachineTokenAsync(ApiKey, ClerkTokenTypes.Any));

        Assert.That(error?.Reason, Is.EqualTo(ClerkTokenFailureReason.VerificationUnavailable));
        Assert.That(error!.Message, Does.StartWith("The ApiKey was not verified: the Backend API call failed (").And.EndWith("Exception)."));
        Assert.That(error.InnerException, Is.InstanceOf<ClerkException>());
        Assert.That(error.TokenType, Is.EqualTo(ClerkTokenType.ApiKey));
    }

    [Test]
    public async Task AnInactiveOAuthToken_IsInactive_NotRevoked()
    {
        using var backend = new Backend();
        backend.Answer("oauth_applications/access_tokens/verify", OAuthToken, HttpStatusCode.OK,
            "{\"object\":\"clerk_idp_oauth_access_token\",\"id\":\"oat_1\",\"client_id\":\"client_1\",\"subject\":\"user_1\",\"scopes\":[],\"revoked\":false,\"expired\":false,\"active\":false}");

        var error = await HostileTokenTests.CatchAsync(() => backend.Verifier().VerifyMachineTokenAsync(OAuthToken, ClerkTokenTypes.Any));

        Assert.That((error?.Reason, error?.TokenType, error?.Message), Is.EqualTo((ClerkTokenFailureReason.Inactive, ClerkTokenType.OAuthToken, "The OAuthToken is not active.")));
    }

    [TestCase(ApiKey, ClerkTokenTypes.M2MToken | ClerkTokenTypes.OAuthToken)]
    [TestCase(M2MToken, ClerkTokenTypes.ApiKey)]
    [TestCase(OAuthToken, ClerkTokenTypes.ApiKey | ClerkTokenTypes.M2MToken)]
    public async Task TypeNotAccepted_IsRejectedWithoutANetworkCall(string token, ClerkTokenTypes accepted)
    {
        using var backend = new Backend();
        var error = await HostileTokenTests.CatchAsync(() => backend.Verifier().VerifyMachineTokenAsync(token, accepted));
        Assert.That(error?.Reason, Is.EqualTo(ClerkTokenFailureReason.TokenTypeNotAccepted));
        var state = await backend.Verifier(ClerkTokenTypes.SessionToken | accepted).AuthenticateTokenAsync(token);
        Assert.That((state.IsSignedIn, state.Reason), Is.EqualTo((false, (ClerkTokenFailureReason?)ClerkTokenFailureReason.TokenTypeNotAccepted)));
        Assert.That(backend.Requests, Is.Zero);
    }

    [Test]
    public async Task M2MJwt_IsVerifiedLocally()
    {
        using var backend = new Backend();
        var token = Sign(new Dictionary<string, object?> { ["alg"] = "RS256", ["kid"] = KidA, ["typ"] = "JWT", ["cat"] = "cl_B7d4PD333AAA" },
            new Dictionary<string, object?> { ["jti"] = "mt_2jwt", ["sub"] = "mch_2abc", ["iat"] = NowSeconds - 5, ["exp"] = NowSeconds + 600, ["scopes"] = "mch_a mch_b", ["team"] = "core" });
        var auth = await backend.Verifier().VerifyMachineTokenAsync(token, ClerkTokenTypes.M2MToken);
        Assert.That((auth.TokenType, auth.Id, auth.Subject, auth.VerifiedLocally), Is.EqualTo((ClerkTokenType.M2MToken, "mt_2jwt", "mch_2abc", true)));
        Assert.That(auth.Scopes, Is.EqualTo(new[] { "mch_a", "mch_b" }));
        Assert.That(auth.Claims!.Value.GetProperty("team").GetString(), Is.EqualTo("core"));
        Assert.That(auth.Claims!.Value.TryGetProperty("sub", out _), Is.False, "registered claims are not custom claims");
        Assert.That(backend.Requests, Is.Zero);
        var onSessionPath = await HostileTokenTests.CatchAsync(() => backend.Verifier().VerifySessionTokenAsync(token));
        Assert.That(onSessionPath?.Reason, Is.EqualTo(ClerkTokenFailureReason.WrongTokenType));
    }

    [Test]
    public async Task OAuthJwt_IsVerifiedLocally_WithItsOwnTypRule()
    {
        using var backend = new Backend();
        var claims = new Dictionary<string, object?> { ["jti"] = "oat_2jwt", ["sub"] = "user_2abc", ["client_id"] = "client_1", ["iat"] = NowSeconds - 5, ["exp"] = NowSeconds + 600, ["scp"] = new[] { "read" } };
        var token = Sign(new Dictionary<string, object?> { ["alg"] = "RS256", ["kid"] = KidA, ["typ"] = "at+jwt" }, claims);
        var auth = await backend.Verifier().VerifyMachineTokenAsync(token, ClerkTokenTypes.OAuthToken);
        Assert.That((auth.TokenType, auth.Id, auth.ClientId, auth.Subject), Is.EqualTo((ClerkTokenType.OAuthToken, "oat_2jwt", "client_1", "user_2abc")));
        Assert.That(auth.Scopes, Is.EqualTo(new[] { "read" }));
        var expired = Sign(new Dictionary<string, object?> { ["alg"] = "RS256", ["typ"] = "at+jwt" }, claims.With("exp", NowSeconds - 10));
        Assert.That((await HostileTokenTests.CatchAsync(() => backend.Verifier().VerifyMachineTokenAsync(expired, ClerkTokenTypes.Any)))?.Reason, Is.EqualTo(ClerkTokenFailureReason.Expired));
        Assert.That(backend.Requests, Is.Zero);
    }

    [Test]
    public async Task SessionToken_IsNotAMachineToken()
    {
        using var backend = new Backend();
        var error = await HostileTokenTests.CatchAsync(() => backend.Verifier().VerifyMachineTokenAsync(HostileTokenCorpus.Valid(), ClerkTokenTypes.MachineTokens));
        Assert.That(error?.Reason, Is.EqualTo(ClerkTokenFailureReason.WrongTokenType));
    }

    [Test]
    public void OpaqueToken_WithoutClient_IsAConfigurationError()
    {
        Assert.ThrowsAsync<ClerkConfigurationException>(() => PemVerifier().VerifyMachineTokenAsync(ApiKey, ClerkTokenTypes.ApiKey));
    }
}
