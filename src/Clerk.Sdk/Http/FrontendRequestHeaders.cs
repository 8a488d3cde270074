using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;

namespace Clerk.Http;

/// <summary>
/// A native app's Frontend API credentials, sent where the operation's security accepts them
/// (<see cref="ClerkOperation.Credentials"/>, from the spec): the client token as <c>Authorization: Bearer</c> with
/// <c>_is_native=true</c> and the session (<c>_clerk_session_id</c>); for an OAuth endpoint that takes HTTP Basic client
/// authentication, the OAuth client's id and secret; for a public endpoint, nothing. The API version
/// (<c>__clerk_api_version</c>) goes on every request. Clerk rotates the client token in the <c>Authorization</c>
/// response header; the newest one is kept. Never printed.
/// </summary>
internal sealed class FrontendRequestHeaders : ClerkRequestHeaders
{
    private readonly string _apiVersion;
    private readonly string? _sessionId;
    private readonly ProductInfoHeaderValue[] _userAgent;
    private readonly AuthenticationHeaderValue? _oauthClient;
    private string? _clientToken;

    public FrontendRequestHeaders(string? clientToken, string? sessionId, string apiVersion, ProductInfoHeaderValue[] userAgent, string? oauthClientId = null, string? oauthClientSecret = null)
    {
        _clientToken = clientToken;
        _sessionId = sessionId;
        _apiVersion = apiVersion;
        _userAgent = userAgent;
        if (!string.IsNullOrEmpty(oauthClientId))
        {
            // RFC 6749 2.3.1: both parts form-urlencoded before the Basic encoding.
            var pair = Uri.EscapeDataString(oauthClientId) + ":" + Uri.EscapeDataString(oauthClientSecret ?? "");
            _oauthClient = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
    }

    public string? ClientToken => Volatile.Read(ref _clientToken);

    public override void Apply(HttpRequestMessage request, ClerkOperation? operation, ClerkRequestOptions? options)
    {
        if (options?.SecretKey is not null)
        {
            throw new ClerkConfigurationException("ClerkRequestOptions.SecretKey is for the Backend API; a Frontend API call authenticates with the client token.");
        }
        if (request.Headers.UserAgent.Count == 0)
        {
            foreach (var product in _userAgent) request.Headers.UserAgent.Add(product);
        }
        var query = "__clerk_api_version=" + Uri.EscapeDataString(_apiVersion);
        if (operation?.Accepts("bearer") ?? true)
        {
            // Native-app authentication (security ProductionNativeApp + ProductionNativeFlag). Without a token yet,
            // _is_native still asks Clerk to return the new client's token in the Authorization response header.
            var token = ClientToken;
            if (!string.IsNullOrEmpty(token)) request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", token);
            var sessionId = options?.SessionId ?? _sessionId;
            query = "_is_native=true&" + query + (string.IsNullOrEmpty(sessionId) ? "" : "&_clerk_session_id=" + Uri.EscapeDataString(sessionId));
        }
        else if (_oauthClient is not null && (operation?.Accepts("basic") ?? true))
        {
            // OAuth client authentication (security ClientCredentials): /oauth/token, /oauth/token/revoke.
            request.Headers.Authorization ??= _oauthClient;
        }
        var uri = request.RequestUri!;
        var text = uri.OriginalString;
        request.RequestUri = new Uri(text + (text.Contains('?') ? "&" : "?") + query, uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.RelativeOrAbsolute);
    }

    public override void OnResponse(HttpResponseMessage response, ClerkOperation? operation)
    {
        // Only a response to a request that carried native-app credentials rotates the client token (an OAuth endpoint's
        // Authorization header, if any, is not a client token).
        if (!(operation?.Accepts("bearer") ?? true)) return;
        if (response.Headers.TryGetValues("Authorization", out var values) && values.FirstOrDefault() is { Length: > 0 } rotated)
        {
            Volatile.Write(ref _clientToken, rotated.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? rotated[7..] : rotated);
        }
    }

    public override string ToString() => $"FrontendRequestHeaders(version {_apiVersion}, client token hidden)";
}
