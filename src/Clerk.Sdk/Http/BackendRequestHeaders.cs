using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Clerk.Http;

/// <summary>
/// The headers every Backend API request carries. Holds the secret key: never logged, never in ToString().
/// The values are formatted once and added without validation, so a request neither parses nor formats them again.
/// </summary>
internal sealed class BackendRequestHeaders : ClerkRequestHeaders
{
    private const string AuthorizationHeader = "Authorization";
    private const string UserAgentHeader = "User-Agent";

    private readonly string _authorization;
    private readonly string _apiVersion;
    private readonly string _userAgent;

    public BackendRequestHeaders(string secretKey, string apiVersion, ProductInfoHeaderValue[] userAgent)
    {
        _authorization = new AuthenticationHeaderValue("Bearer", secretKey).ToString();
        _apiVersion = apiVersion;
        _userAgent = string.Join(" ", userAgent.Select(p => p.ToString()));
    }

    public override void Apply(HttpRequestMessage request, ClerkOperationTraits? operation)
    {
        // The secret key goes to every operation but a public one (the spec declares no security: GET /public/interstitial).
        var headers = request.Headers;
        var present = headers.NonValidated;
        if (!present.Contains(AuthorizationHeader) && (operation?.Accepts("bearer") ?? true))
        {
            headers.TryAddWithoutValidation(AuthorizationHeader, _authorization);
        }
        if (present.Contains(ClerkClientOptions.ApiVersionHeader))
        {
            headers.Remove(ClerkClientOptions.ApiVersionHeader);
        }
        headers.TryAddWithoutValidation(ClerkClientOptions.ApiVersionHeader, _apiVersion);
        if (!present.Contains(UserAgentHeader))
        {
            headers.TryAddWithoutValidation(UserAgentHeader, _userAgent);
        }
    }

    public override string ToString() => $"ClerkRequestHeaders(version {_apiVersion}, secret key hidden)";
}
