using System.Net.Http;
using System.Net.Http.Headers;

namespace Clerk.Http;

/// <summary>The headers every Backend API request carries. Holds the secret key: never logged, never in ToString().</summary>
internal sealed class BackendRequestHeaders : ClerkRequestHeaders
{
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _apiVersion;
    private readonly ProductInfoHeaderValue[] _userAgent;

    public BackendRequestHeaders(string secretKey, string apiVersion, ProductInfoHeaderValue[] userAgent)
    {
        _authorization = new AuthenticationHeaderValue("Bearer", secretKey);
        _apiVersion = apiVersion;
        _userAgent = userAgent;
    }

    public override void Apply(HttpRequestMessage request)
    {
        // The secret key goes to every operation but a public one (the spec declares no security: GET /public/interstitial).
        if (ClerkRequestOptions.AcceptsCredential(request, "bearer")) request.Headers.Authorization ??= _authorization;
        request.Headers.Remove(ClerkClientOptions.ApiVersionHeader);
        request.Headers.TryAddWithoutValidation(ClerkClientOptions.ApiVersionHeader, _apiVersion);
        if (request.Headers.UserAgent.Count == 0)
        {
            foreach (var product in _userAgent) request.Headers.UserAgent.Add(product);
        }
    }

    public override string ToString() => $"ClerkRequestHeaders(version {_apiVersion}, secret key hidden)";
}
