using System.Net.Http;

namespace Clerk.Http;

/// <summary>
/// What a facade adds to every request of its generated clients (credentials, API version, user agent) and reads from
/// every response. One per API: <see cref="BackendRequestHeaders"/>, <see cref="FrontendRequestHeaders"/>.
/// </summary>
internal abstract class ClerkRequestHeaders
{
    /// <summary>Adds the API's headers (and query parameters) to a request about to be sent.</summary>
    public abstract void Apply(HttpRequestMessage request);

    /// <summary>Sees every response before it is mapped (e.g. to pick up a rotated client token).</summary>
    public virtual void OnResponse(HttpResponseMessage response)
    {
    }
}
