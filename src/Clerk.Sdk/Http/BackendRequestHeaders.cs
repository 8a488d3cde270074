using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Clerk.Http;

/// <summary>
/// The headers every Backend API request carries: the credential the operation's security accepts (the secret key; a
/// machine secret key where only that is accepted; a per-call key from <see cref="ClerkRequestOptions.SecretKey"/>
/// where the operation takes its kind), the API version and the user agent. Holds the keys: never logged, never in
/// ToString(). The values are formatted once and added without validation.
/// </summary>
internal sealed class BackendRequestHeaders : ClerkRequestHeaders
{
    private const string AuthorizationHeader = "Authorization";
    private const string UserAgentHeader = "User-Agent";

    private readonly string _authorization;
    private readonly string? _machineAuthorization;
    private readonly string _apiVersion;
    private readonly string _userAgent;

    public BackendRequestHeaders(string secretKey, string apiVersion, ProductInfoHeaderValue[] userAgent, string? machineSecretKey = null)
    {
        _authorization = Bearer(secretKey);
        _machineAuthorization = machineSecretKey is null ? null : Bearer(machineSecretKey);
        _apiVersion = apiVersion;
        _userAgent = string.Join(" ", userAgent.Select(p => p.ToString()));
    }

    public override void Apply(HttpRequestMessage request, ClerkOperation? operation, ClerkRequestOptions? options)
    {
        if (options?.SessionId is not null)
        {
            throw new ClerkConfigurationException("ClerkRequestOptions.SessionId is for the Frontend API; a Backend API operation names its session in its parameters.");
        }
        var headers = request.Headers;
        var present = headers.NonValidated;
        if (!present.Contains(AuthorizationHeader) && Authorization(operation, options?.SecretKey) is { } authorization)
        {
            headers.TryAddWithoutValidation(AuthorizationHeader, authorization);
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

    /// <summary>
    /// The Authorization value for an operation: none for a public one (no security: GET /public/interstitial); the
    /// per-call key where the operation accepts its kind; else the secret key where a secret key is accepted; else the
    /// machine secret key where only that is.
    /// </summary>
    /// <exception cref="ClerkConfigurationException">The per-call key is of a kind the operation does not accept, or the operation needs a machine secret key and none is set.</exception>
    private string? Authorization(ClerkOperation? operation, string? overrideKey)
    {
        if (operation is null) return overrideKey is null ? _authorization : Bearer(overrideKey);
        var secret = operation.Accepts("bearer");
        var machine = operation.Credentials is not null && operation.Accepts("machine");
        if (!secret && !machine) return null;
        if (overrideKey is not null)
        {
            if (SecretKeyValidator.IsMachineKey(overrideKey))
            {
                SecretKeyValidator.ValidateMachine(overrideKey, "ClerkRequestOptions.SecretKey");
                if (!machine) throw new ClerkConfigurationException($"{operation.Id} does not accept a machine secret key (ak_...): its security takes the instance's secret key (sk_...). The key is not shown.");
            }
            else
            {
                SecretKeyValidator.Validate(overrideKey);
                if (!secret) throw new ClerkConfigurationException($"{operation.Id} must be authenticated with a machine secret key (ak_...), not a secret key. The key is not shown.");
            }
            return Bearer(overrideKey);
        }
        if (secret) return _authorization;
        return _machineAuthorization ?? throw new ClerkConfigurationException(
            $"{operation.Id} must be authenticated with a machine secret key (ak_...): set ClerkClientOptions.MachineSecretKey, or pass one per call with ClerkRequestOptions.SecretKey.");
    }

    private static string Bearer(string key) => new AuthenticationHeaderValue("Bearer", key).ToString();

    public override string ToString() => $"ClerkRequestHeaders(version {_apiVersion}, secret key hidden)";
}
