using System;
using System.Globalization;
using System.Linq;

namespace Clerk.Authentication;

/// <summary>
/// The text rules of request authentication, read as Clerk's <c>authenticateRequest</c> reads them: query parameters,
/// the <c>Authorization</c> header and JavaScript's <c>parseInt</c>. Pure functions, tested one by one
/// (<c>RequestParsingTests</c>) as well as through the scenarios compared with Clerk's SDK.
/// </summary>
internal static class RequestParsing
{
    /// <summary>The URL with <c>name=value</c> added at the end of its query (both percent-encoded).</summary>
    public static string AppendQuery(string url, string name, string value) =>
        url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);

    /// <summary>The URL with every <paramref name="name"/> parameter replaced by one <c>name=value</c> at the end.</summary>
    public static string SetQuery(string url, string name, string value) => AppendQuery(RemoveQuery(url, name), name, value);

    /// <summary>The URL without the named query parameters (the others keep their order and encoding; a fragment stays).</summary>
    public static string RemoveQuery(string url, params string[] names)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var question = hash < 0 ? url.IndexOf('?', StringComparison.Ordinal) : url.IndexOf('?', 0, hash);
        if (question < 0) return url;
        var query = hash < 0 ? url[(question + 1)..] : url[(question + 1)..hash];
        var kept = query.Split('&').Where(part => part.Length > 0 && !names.Contains(Uri.UnescapeDataString(part.Split('=')[0].Replace('+', ' ')))).ToList();
        return url[..question] + (kept.Count > 0 ? "?" + string.Join("&", kept) : "") + (hash < 0 ? "" : url[hash..]);
    }

    /// <summary>
    /// The first value of a query parameter, decoded as <c>URLSearchParams</c> does (<c>+</c> is a space); <c>""</c> for a
    /// parameter without <c>=</c>; null when absent.
    /// </summary>
    public static string? QueryValue(Uri url, string name)
    {
        var query = url.Query;
        if (query.Length <= 1) return null;
        foreach (var part in query[1..].Split('&'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((equals < 0 ? part : part[..equals]).Replace('+', ' '));
            if (key == name) return equals < 0 ? "" : Uri.UnescapeDataString(part[(equals + 1)..].Replace('+', ' '));
        }
        return null;
    }

    /// <summary>
    /// Clerk's reading of <c>Authorization</c>: <c>Bearer x</c> gives x, a single word is taken as the token itself, another
    /// scheme gives none. As in Clerk's SDK the value is split on single spaces, so <c>Bearer  x</c> (two spaces) gives the
    /// scheme word itself.
    /// </summary>
    public static string? ParseAuthorization(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0) return value;
        var scheme = value[..space];
        var rest = value[(space + 1)..];
        var token = rest.IndexOf(' ', StringComparison.Ordinal) is var next && next >= 0 ? rest[..next] : rest;
        if (token.Length == 0) return scheme;
        // Deliberate: the scheme is case-insensitive (RFC 9110); Clerk's SDK takes only "Bearer".
        return scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? token : null;
    }

    /// <summary>JavaScript's <c>parseInt(x) || 0</c>: the leading integer (after white space, with an optional sign), else 0.</summary>
    public static long ParseLeadingInteger(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var trimmed = text.TrimStart();
        var end = 0;
        if (end < trimmed.Length && trimmed[end] is '-' or '+') end++;
        while (end < trimmed.Length && char.IsAsciiDigit(trimmed[end])) end++;
        return long.TryParse(trimmed.AsSpan(0, end), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
