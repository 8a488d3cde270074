using System;
using System.Net.Http;

namespace Clerk;

/// <summary>Settings for <see cref="ClerkClient"/>. Only <see cref="SecretKey"/> is required.</summary>
public sealed class ClerkClientOptions
{
    /// <summary>The default Backend API base URL.</summary>
    public const string DefaultBaseUrl = "https://api.clerk.com/v1";

    /// <summary>The Backend API version this SDK was generated from and sends by default.</summary>
    public const string DefaultApiVersion = "2025-11-10";

    /// <summary>The header that selects the API version.</summary>
    public const string ApiVersionHeader = "Clerk-API-Version";

    /// <summary>The instance's secret key (<c>sk_test_...</c> or <c>sk_live_...</c>). Never printed by the SDK.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The Backend API base URL, default <see cref="DefaultBaseUrl"/>.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The <c>Clerk-API-Version</c> to send, default <see cref="DefaultApiVersion"/>.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>Timeout of each HTTP request when the SDK creates the HttpClient (default 100 s, as HttpClient).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>An HttpClient to use as is (its handlers, timeout and lifetime stay the caller's).</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>A handler for the HttpClient the SDK creates (ignored when <see cref="HttpClient"/> is set).</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>Returns the settings without the secret key.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"ClerkClientOptions(BaseUrl={BaseUrl}, ApiVersion={ApiVersion}, SecretKey={(string.IsNullOrEmpty(SecretKey) ? "<missing>" : "<hidden>")})";
}
