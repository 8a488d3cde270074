using System;
using System.Diagnostics.CodeAnalysis;

namespace Clerk.Http;

/// <summary>
/// An absolute http(s) URL, as every URL setting of the SDK must be. <see cref="UriKind.Absolute"/> alone is not
/// enough: on Unix <c>/sign-in</c> parses as the absolute <c>file:///sign-in</c>.
/// </summary>
internal static class WebUrl
{
    /// <summary>Parses <paramref name="text"/> as an absolute http or https URL.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
