using System;
using System.Net.Http;

namespace Clerk;

/// <summary>
/// The result of an operation that succeeds with a redirect (a browser navigation endpoint of the Frontend API, such
/// as <c>GET /v1/client/sync</c> or an enterprise connection's test run): the status and where it points. The SDK does
/// not follow it; open <see cref="Location"/> in a browser or read its query.
/// </summary>
/// <remarks>
/// The spec tool gives such an operation (only 3xx responses in Clerk's spec) a 200 result of this type, and the
/// response hook of the generated clients (<see cref="Http.ClerkApiClientBase"/>) turns the 3xx into it (as JSON
/// that the generated code reads back through the constructor).
/// </remarks>
public sealed class ClerkRedirect
{
    /// <summary>Creates a result.</summary>
    /// <param name="statusCode">The HTTP status (301, 302, 303, 307, 308).</param>
    /// <param name="location">The absolute redirect target, or null when the response had none.</param>
    public ClerkRedirect(int statusCode, Uri? location)
    {
        StatusCode = statusCode;
        Location = location;
    }

    /// <summary>The HTTP status of the response (a 2xx when an HttpClient of your own already followed the redirect).</summary>
    public int StatusCode { get; }

    /// <summary>
    /// The absolute redirect target (a relative <c>Location</c> is resolved against the request; the final URL when an
    /// HttpClient of your own already followed the redirect), or null.
    /// </summary>
    public Uri? Location { get; }

    /// <summary>The status and target.</summary>
    /// <returns>For example <c>307 https://example.com/callback</c>.</returns>
    public override string ToString() => $"{StatusCode} {Location?.ToString() ?? "(no Location)"}";

    /// <summary>Reads the result from a response: a 3xx and its <c>Location</c>, or the final URL of a followed redirect.</summary>
    internal static ClerkRedirect From(HttpResponseMessage response)
    {
        var requested = response.RequestMessage?.RequestUri;
        var location = (int)response.StatusCode is >= 300 and < 400 ? response.Headers.Location : requested;
        if (location is { IsAbsoluteUri: false } && requested is { IsAbsoluteUri: true })
        {
            location = new Uri(requested, location);
        }
        return new ClerkRedirect((int)response.StatusCode, location);
    }
}
