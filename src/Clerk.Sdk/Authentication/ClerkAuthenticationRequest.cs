using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace Clerk.Authentication;

/// <summary>
/// A request to authenticate, as <see cref="ClerkTokenVerifier.AuthenticateRequestAsync(ClerkAuthenticationRequest, System.Threading.CancellationToken)"/>
/// reads it: its URL and method (a handshake redirects back to the URL, and only a <c>GET</c> for a page is redirected),
/// its headers (<c>Authorization</c>, <c>Sec-Fetch-Dest</c>, <c>Accept</c>, <c>Referer</c>, <c>Origin</c>) and its cookies
/// (<c>__session</c>, <c>__client_uat</c>, their suffixed forms, <c>__clerk_db_jwt</c>, <c>__clerk_handshake</c>,
/// <c>__clerk_redirect_count</c>). ASP.NET Core's authentication handler builds one from <c>HttpRequest</c>.
/// </summary>
public sealed class ClerkAuthenticationRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="url">The absolute URL the client requested (scheme, host, path and query).</param>
    /// <param name="method">The HTTP method (default <c>GET</c>).</param>
    /// <exception cref="ArgumentException">The URL is not absolute.</exception>
    public ClerkAuthenticationRequest(Uri url, string method = "GET")
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        if (!url.IsAbsoluteUri) throw new ArgumentException("The request URL must be absolute (https://app.example.com/path).", nameof(url));
        Url = url;
        Method = method.ToUpperInvariant();
    }

    /// <summary>The absolute URL the client requested.</summary>
    public Uri Url { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The request headers by name (case-insensitive; one value each: several values joined with <c>, </c>).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The request cookies by name (case-sensitive, as browsers send them). When empty, the <c>Cookie</c> header of
    /// <see cref="Headers"/> is read (the first of two cookies of one name wins).
    /// </summary>
    public IDictionary<string, string> Cookies { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The request described by an <see cref="HttpRequestMessage"/> (its URL, method, headers and <c>Cookie</c> header).</summary>
    /// <param name="request">The request; its URI must be absolute.</param>
    /// <returns>The request to authenticate.</returns>
    public static ClerkAuthenticationRequest From(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { IsAbsoluteUri: true } url)
        {
            throw new ArgumentException("The request needs an absolute RequestUri to be authenticated.", nameof(request));
        }
        var result = new ClerkAuthenticationRequest(url, request.Method.Method);
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            result.Headers[name] = string.Join(name.Equals("Cookie", StringComparison.OrdinalIgnoreCase) ? "; " : ", ", values);
        }
        return result;
    }

    /// <summary>One header, or null.</summary>
    internal string? Header(string name) => Headers.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>The cookies: <see cref="Cookies"/>, else those of the <c>Cookie</c> header (the first of one name wins).</summary>
    internal IReadOnlyDictionary<string, string> ReadCookies()
    {
        if (Cookies.Count > 0) return Cookies.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Header("Cookie") is not { } header) return result;
        foreach (var part in header.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) continue;
            var name = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') value = value[1..^1];
            if (name.Length == 0 || result.ContainsKey(name)) continue;
            // An invalid percent sequence stays as it is (UnescapeDataString does not throw).
            result[name] = Uri.UnescapeDataString(value);
        }
        return result;
    }
}
