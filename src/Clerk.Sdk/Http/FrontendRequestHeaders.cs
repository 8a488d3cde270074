using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;

namespace Clerk.Http;

/// <summary>
/// A native app's Frontend API credentials: the client token as <c>Authorization: Bearer</c> with <c>_is_native=true</c>,
/// the session (<c>_clerk_session_id</c>) and API version (<c>__clerk_api_version</c>) as query parameters. Clerk
/// rotates the client token in the <c>Authorization</c> response header; the newest one is kept. Never printed.
/// </summary>
internal sealed class FrontendRequestHeaders : ClerkRequestHeaders
{
    private readonly string _apiVersion;
    private readonly string? _sessionId;
    private readonly ProductInfoHeaderValue[] _userAgent;
    private string? _clientToken;

    public FrontendRequestHeaders(string? clientToken, string? sessionId, string apiVersion, ProductInfoHeaderValue[] userAgent)
    {
        _clientToken = clientToken;
        _sessionId = sessionId;
        _apiVersion = apiVersion;
        _userAgent = userAgent;
    }

    public string? ClientToken => Volatile.Read(ref _clientToken);

    public override void Apply(HttpRequestMessage request)
    {
        var token = ClientToken;
        if (!string.IsNullOrEmpty(token)) request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", token);
        if (request.Headers.UserAgent.Count == 0)
        {
            foreach (var product in _userAgent) request.Headers.UserAgent.Add(product);
        }
        var query = "_is_native=true&__clerk_api_version=" + Uri.EscapeDataString(_apiVersion)
                    + (string.IsNullOrEmpty(_sessionId) ? "" : "&_clerk_session_id=" + Uri.EscapeDataString(_sessionId));
        var uri = request.RequestUri!;
        var text = uri.OriginalString;
        request.RequestUri = new Uri(text + (text.Contains('?') ? "&" : "?") + query, uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.RelativeOrAbsolute);
    }

    public override void OnResponse(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Authorization", out var values) && values.FirstOrDefault() is { Length: > 0 } rotated)
        {
            Volatile.Write(ref _clientToken, rotated.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? rotated[7..] : rotated);
        }
    }

    public override string ToString() => $"FrontendRequestHeaders(version {_apiVersion}, client token hidden)";
}
