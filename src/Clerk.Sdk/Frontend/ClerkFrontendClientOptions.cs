using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Clerk;

/// <summary>Settings for <see cref="ClerkFrontendClient"/>: the publishable key and, once signed in, the client token.</summary>
public sealed class ClerkFrontendClientOptions
{
    /// <summary>The instance's publishable key (<c>pk_test_...</c> / <c>pk_live_...</c>); it gives the Frontend API URL.</summary>
    public string? PublishableKey { get; set; }

    /// <summary>
    /// The native app's client token (a JWT), sent as <c>Authorization: Bearer</c> with <c>_is_native=true</c> to every
    /// operation whose security accepts it (not to public ones such as <c>/.well-known/*</c>, nor to the OAuth endpoints). Clerk
    /// returns a rotated token in the <c>Authorization</c> response header; the client keeps the newest one
    /// (<see cref="ClerkFrontendClient.ClientToken"/>). Never printed by the SDK.
    /// </summary>
    public string? ClientToken { get; set; }

    /// <summary>The session to act for (<c>_clerk_session_id</c>), when the client has several.</summary>
    public string? SessionId { get; set; }

    /// <summary>
    /// The OAuth client id of an application that uses this instance as its OAuth 2.0 / OpenID provider, for the
    /// endpoints that take HTTP Basic client authentication (<c>OAuth2IdentityProvider.GetOAuthTokenAsync</c>,
    /// <c>RevokeOAuthTokenAsync</c>). Only those endpoints receive it; they never receive the client token.
    /// </summary>
    public string? OAuthClientId { get; set; }

    /// <summary>The secret of <see cref="OAuthClientId"/> (a confidential client). Never printed by the SDK.</summary>
    public string? OAuthClientSecret { get; set; }

    /// <summary>Overrides the Frontend API URL decoded from the publishable key (a proxy, a test server).</summary>
    public string? FrontendApiUrl { get; set; }

    /// <summary>The Frontend API version to request (<c>__clerk_api_version</c>), default the generated one.</summary>
    public string ApiVersion { get; set; } = ClerkFrontendClient.GeneratedApiVersion;

    /// <summary>Overall timeout of one call, all attempts included (default 100 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The retry policy (the same bounded defaults as the Backend API client).</summary>
    public ClerkRetryOptions Retry { get; set; } = new();

    /// <summary>Where the SDK logs (category <c>Clerk.Sdk</c>); tokens are never logged.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock for timeouts and retry delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>An HttpClient to use as is (the SDK pipeline is then not added).</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// The transport under the SDK's pipeline (ignored when <see cref="HttpClient"/> is set). The SDK's own transport
    /// does not follow redirects: an operation that succeeds with one returns it (<see cref="ClerkRedirect"/>), and any
    /// other redirect is a <see cref="ClerkApiException"/> (a credential must not follow a request elsewhere).
    /// </summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>A description without the client token.</summary>
    /// <returns>The settings.</returns>
    public override string ToString() => $"ClerkFrontendClientOptions(PublishableKey={PublishableKey}, ClientToken={(string.IsNullOrEmpty(ClientToken) ? "<none>" : "<hidden>")}, SessionId={SessionId}, OAuthClientId={OAuthClientId}, OAuthClientSecret={(string.IsNullOrEmpty(OAuthClientSecret) ? "<none>" : "<hidden>")})";
}
