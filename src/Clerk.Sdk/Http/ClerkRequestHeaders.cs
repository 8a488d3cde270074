using System.Net.Http;

namespace Clerk.Http;

/// <summary>
/// What a facade adds to every request of its generated clients (credentials, API version, user agent) and reads from
/// every response. One per API: <see cref="BackendRequestHeaders"/>, <see cref="FrontendRequestHeaders"/>.
/// </summary>
internal abstract class ClerkRequestHeaders
{
    /// <summary>Adds the API's headers (and query parameters) to a request about to be sent.</summary>
    /// <param name="request">The request.</param>
    /// <param name="operation">What the spec says about its operation (the credentials it accepts), or null when unknown.</param>
    /// <param name="options">The call's options (a credential override), or null.</param>
    public abstract void Apply(HttpRequestMessage request, ClerkOperation? operation, ClerkRequestOptions? options);

    /// <summary>Sees every response before it is mapped (e.g. to pick up a rotated client token).</summary>
    public virtual void OnResponse(HttpResponseMessage response, ClerkOperation? operation)
    {
    }
}
