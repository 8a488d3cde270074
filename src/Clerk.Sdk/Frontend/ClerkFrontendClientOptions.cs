using System;

namespace Clerk;

/// <summary>
/// Settings for <see cref="ClerkFrontendClient"/>: the publishable key and, once signed in, the client token; the transport
/// settings (timeout, retries, response size cap, logging, ...) are those of <see cref="ClerkClientOptionsBase"/>. When the
/// SDK creates the transport (no <see cref="ClerkClientOptionsBase.HttpMessageHandler"/>), it does not follow redirects: an
/// operation that succeeds with one returns it (<see cref="ClerkRedirect"/>), and any other redirect is a
/// <see cref="ClerkApiException"/> (a credential must not follow a request elsewhere).
/// </summary>
public sealed class ClerkFrontendClientOptions : ClerkClientOptionsBase
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

    /// <summary>
    /// Decodes <see cref="PublishableKey"/> and gives the Frontend API base URL (ends with <c>/</c>): <see cref="FrontendApiUrl"/>
    /// when set, else the one the key names. Operation paths (<c>v1/...</c>) are relative to it.
    /// </summary>
    /// <returns>The decoded key and the base URL.</returns>
    /// <exception cref="ClerkConfigurationException">The publishable key or URL is missing or malformed.</exception>
    internal (Clerk.PublishableKey Key, string BaseUrl) Resolve()
    {
        var key = Clerk.PublishableKey.ParseSetting(PublishableKey, "ClerkFrontendClientOptions.PublishableKey");
        var url = FrontendApiUrl is { Length: > 0 } custom ? custom : key.FrontendApiUrl.ToString();
        if (!Clerk.Http.WebUrl.TryParse(url, out var uri))
        {
            throw new ClerkConfigurationException($"The Frontend API URL '{url}' is not an absolute http(s) URL.");
        }
        // Operation paths start with v1/; the base is the host (plus any proxy path).
        return (key, uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }

    /// <summary>A description without the client token.</summary>
    /// <returns>The settings.</returns>
    public override string ToString() => $"ClerkFrontendClientOptions(PublishableKey={PublishableKey}, ClientToken={(string.IsNullOrEmpty(ClientToken) ? "<none>" : "<hidden>")}, SessionId={SessionId}, OAuthClientId={OAuthClientId}, OAuthClientSecret={(string.IsNullOrEmpty(OAuthClientSecret) ? "<none>" : "<hidden>")})";
}
