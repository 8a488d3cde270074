using System;
using System.Net.Http;

namespace Clerk.Http;

/// <summary>
/// What the request hooks of <see cref="ClerkApiClientBase"/> must know about an operation and NSwag does not
/// generate, from the spec tool's operation table (<c>ClerkOperationTable.Traits</c>, one row per operation).
/// </summary>
/// <param name="Credentials">
/// The credentials the operation's security accepts (<c>x-clerk-credentials</c>): space-separated <c>bearer</c>,
/// <c>basic</c>, <c>anonymous</c>; <c>none</c> for a public endpoint; <c>other</c> for schemes the SDK does not send;
/// null when the spec says nothing (the facade's credentials then go as usual).
/// </param>
/// <param name="RequestMediaType">The media type of the request body (<c>application/x-www-form-urlencoded</c> for a urlencoded form), or null.</param>
/// <param name="ResultMediaType">The media type of the success result (<c>text/html</c> for a page), or null when there is none.</param>
/// <param name="Redirect">The operation succeeds with a redirect (<c>x-clerk-redirect</c>): the 3xx is its result, a <see cref="ClerkRedirect"/>.</param>
/// <param name="EmptyBody">
/// The spec requires a JSON object body none of whose fields is required (<c>x-clerk-empty-body</c>): the SDK's
/// parameter is optional and <c>{}</c> is sent when it is not given.
/// </param>
internal sealed record ClerkOperationTraits(string? Credentials, string? RequestMediaType, string? ResultMediaType, bool Redirect, bool EmptyBody = false)
{
    /// <summary>Whether the operation accepts a credential kind (<c>bearer</c>, <c>basic</c>); true when its spec does not say.</summary>
    public bool Accepts(string kind)
    {
        if (Credentials is null) return true;
        // A space-separated list, searched without allocating (this runs on every request).
        var rest = Credentials.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf(' ');
            var word = end < 0 ? rest : rest[..end];
            if (word.SequenceEqual(kind)) return true;
            rest = end < 0 ? ReadOnlySpan<char>.Empty : rest[(end + 1)..];
        }
        return false;
    }

    /// <summary>Whether the form parameters go out as <c>application/x-www-form-urlencoded</c> (NSwag builds every form as multipart).</summary>
    public bool SendsUrlEncodedForm => string.Equals(RequestMediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the success result is text that is not JSON (an HTML page), which the generated code would parse as JSON.</summary>
    public bool ReturnsText => ResultMediaType is { } media && !IsJson(media);

    /// <summary>Whether a media type is JSON (<c>application/json</c>, <c>application/problem+json</c>, ...).</summary>
    public static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

}
