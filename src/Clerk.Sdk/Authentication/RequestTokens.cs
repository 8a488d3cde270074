using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace Clerk.Authentication;

/// <summary>Finds the token of a request: <c>Authorization: Bearer</c> first, else the <c>__session</c> cookie.</summary>
internal static class RequestTokens
{
    public const string SessionCookie = "__session";

    public static (string? HeaderToken, string? CookieToken) From(HttpRequestMessage request)
    {
        string? header = null;
        if (request.Headers.TryGetValues("Authorization", out var values))
        {
            header = values.FirstOrDefault();
        }
        string? cookie = null;
        if (request.Headers.TryGetValues("Cookie", out var cookieHeaders))
        {
            foreach (var cookieHeader in cookieHeaders)
            {
                cookie ??= CookieValue(cookieHeader, SessionCookie);
            }
        }
        return (BearerToken(header), cookie);
    }

    public static (string? HeaderToken, string? CookieToken) From(IEnumerable<KeyValuePair<string, string>> headers, IEnumerable<KeyValuePair<string, string>>? cookies)
    {
        string? header = null;
        string? cookie = null;
        foreach (var (name, value) in headers)
        {
            if (header is null && string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                header = value;
            }
            else if (cookies is null && cookie is null && string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase))
            {
                cookie = CookieValue(value, SessionCookie);
            }
        }
        if (cookies is not null)
        {
            foreach (var (name, value) in cookies)
            {
                if (name == SessionCookie)
                {
                    cookie = value;
                    break;
                }
            }
        }
        return (BearerToken(header), string.IsNullOrEmpty(cookie) ? null : cookie);
    }

    /// <summary>The credentials of <c>Bearer &lt;token&gt;</c> (scheme case-insensitive); null for other schemes.</summary>
    public static string? BearerToken(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return null;
        }
        var text = authorization.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !text.AsSpan(0, space).Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        // The text is trimmed, so something other than white space follows the first space.
        return text[(space + 1)..].Trim();
    }

    /// <summary>One cookie's value from a <c>Cookie</c> header (<c>a=1; __session=...</c>).</summary>
    public static string? CookieValue(string cookieHeader, string name)
    {
        foreach (var part in cookieHeader.Split(';'))
        {
            var pair = part.Trim();
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair.AsSpan(0, equals).Trim().SequenceEqual(name))
            {
                var value = pair[(equals + 1)..].Trim().Trim('"');
                return value.Length == 0 ? null : value;
            }
        }
        return null;
    }
}
