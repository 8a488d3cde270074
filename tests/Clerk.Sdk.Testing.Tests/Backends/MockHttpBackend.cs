using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using Clerk.Authentication;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Testing.Tests.Backends;

/// <summary>
/// MockHttp: each request must have been scripted (in order) by the test with <see cref="Script"/>; an unscripted one
/// fails with MockHttp's match summary. Session tokens are signed by <see cref="Canned"/> with a key the verifier gets as PEM.
/// </summary>
public sealed class MockHttpBackend : ClerkBackend
{
    private const string SecretKey = "sk_test_mockhttp0000000000000000000000000000";
    private MockHttpMessageHandler? _mock;

    public override string Name => "mockhttp";

    public override bool IsScripted => true;

    public static RSA SigningKey { get; } = RSA.Create(2048);

    public override void Script(HttpMethod method, string path, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        _mock!.Expect(method, "https://api.clerk.com/v1" + path).Respond(status, "application/json", json);

    public override System.Threading.Tasks.Task TearDownTestAsync()
    {
        _mock!.VerifyNoOutstandingExpectation();
        return base.TearDownTestAsync();
    }

    public override ClerkTokenVerifier CreateVerifier() =>
        new(Clerk, new ClerkTokenVerifierOptions { JwtKey = SigningKey.ExportSubjectPublicKeyInfoPem(), Issuer = Canned.Issuer });

    protected override ClerkClient CreateClient()
    {
        _mock = new MockHttpMessageHandler();
        _mock.Fallback.ThrowMatchSummary();
        return new ClerkClient(new ClerkClientOptions { SecretKey = SecretKey, HttpMessageHandler = _mock, Retry = new ClerkRetryOptions { MaxRetries = 0 } });
    }
}
