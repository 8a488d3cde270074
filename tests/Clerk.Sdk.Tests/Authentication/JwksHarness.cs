using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Authentication;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// One Clerk instance behind MockHttp: GET /v1/jwks answers <see cref="JwksJson"/> (changeable, optionally held until
/// <see cref="Release"/>) and counts requests; any other request is counted as unexpected. Each harness has its own
/// secret key, so its JWKS cache is its own unless a test shares the key on purpose.
/// </summary>
internal sealed class JwksHarness : IDisposable
{
    private int _jwksRequests;
    private int _otherRequests;
    private TaskCompletionSource? _gate;

    public JwksHarness(string? secretKey = null, string apiUrl = "https://api.clerk.com", FakeTimeProvider? time = null)
    {
        SecretKey = secretKey ?? "sk_test_" + Guid.NewGuid().ToString("N");
        Time = time ?? AuthTestKit.Clock();
        JwksJson = AuthTestKit.JwksJson((AuthTestKit.KidA, AuthTestKit.KeyA));
        Mock = new MockHttpMessageHandler();
        Mock.When(HttpMethod.Get, apiUrl.TrimEnd('/') + "/v1/jwks").Respond(async request =>
        {
            Interlocked.Increment(ref _jwksRequests);
            RequestArrived.TrySetResult();
            if (_gate is { } gate)
            {
                await gate.Task.ConfigureAwait(false);
            }
            return new HttpResponseMessage(Status) { Content = new StringContent(JwksJson, System.Text.Encoding.UTF8, "application/json") };
        });
        Mock.Fallback.Respond(_ =>
        {
            Interlocked.Increment(ref _otherRequests);
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        });
        Client = new ClerkClient(new ClerkClientOptions
        {
            SecretKey = SecretKey,
            ApiUrl = apiUrl,
            HttpMessageHandler = Mock,
            TimeProvider = Time,
            Retry = new ClerkRetryOptions { MaxRetries = 0 },
        });
    }

    public string SecretKey { get; }

    public FakeTimeProvider Time { get; }

    public MockHttpMessageHandler Mock { get; }

    public ClerkClient Client { get; }

    public string JwksJson { get; set; }

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    /// <summary>Completes when the first JWKS request reaches the transport.</summary>
    public TaskCompletionSource RequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public int OtherRequests => Volatile.Read(ref _otherRequests);

    public ClerkTokenVerifier Verifier(Action<ClerkTokenVerifierOptions>? configure = null)
    {
        var options = new ClerkTokenVerifierOptions { Issuer = AuthTestKit.Issuer, AuthorizedParties = { AuthTestKit.Party } };
        configure?.Invoke(options);
        return new ClerkTokenVerifier(Client, options);
    }

    /// <summary>Holds every JWKS response until <see cref="Release"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate?.TrySetResult();

    public void Dispose()
    {
        Release();
        Client.Dispose();
        Mock.Dispose();
    }
}
