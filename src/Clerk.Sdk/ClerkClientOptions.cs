using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Clerk;

/// <summary>Settings for <see cref="ClerkClient"/>. Only <see cref="SecretKey"/> is required.</summary>
public sealed class ClerkClientOptions
{
    /// <summary>The default Backend API base URL.</summary>
    public const string DefaultBaseUrl = "https://api.clerk.com/v1";

    /// <summary>The Backend API version this SDK was generated from and sends by default (follows the pinned spec).</summary>
    public const string DefaultApiVersion = ClerkClient.GeneratedApiVersion;

    /// <summary>The header that selects the API version.</summary>
    public const string ApiVersionHeader = "Clerk-API-Version";

    /// <summary>The instance's secret key (<c>sk_test_...</c> or <c>sk_live_...</c>). Never printed by the SDK.</summary>
    public string? SecretKey { get; set; }

    /// <summary>
    /// A machine secret key (<c>ak_...</c>), sent instead of <see cref="SecretKey"/> to the operations whose security asks
    /// for one and does not take a secret key (creating an M2M token, <c>clerk.M2mTokens.CreateAsync</c>). Optional;
    /// <see cref="ClerkRequestOptions.SecretKey"/> passes one per call. Never printed by the SDK.
    /// </summary>
    public string? MachineSecretKey { get; set; }

    /// <summary>The Backend API base URL, default <see cref="DefaultBaseUrl"/>.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The <c>Clerk-API-Version</c> to send, default <see cref="DefaultApiVersion"/>.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>
    /// Overall timeout of one call, all attempts and delays included (default 100 s). Exceeding it throws
    /// <see cref="ClerkTimeoutException"/>; cancelling the caller's token throws OperationCanceledException.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The retry policy (bounded defaults; see <see cref="ClerkRetryOptions"/>).</summary>
    public ClerkRetryOptions Retry { get; set; } = new();

    /// <summary>The largest response body the SDK reads (default 32 MiB); a larger one fails with <see cref="ClerkException"/>.</summary>
    public long MaxResponseBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Where the SDK logs (category <c>Clerk.Sdk</c>); secrets and ids are never logged. Default: no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock for timeouts and retry delays (a fake one in tests). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// An HttpClient to use as is (its handlers, timeout and lifetime stay the caller's). The SDK's retry, timeout and
    /// diagnostics handlers are not in it; build one with <see cref="Http.ClerkHttpPipeline.Create(ClerkClientOptions, HttpMessageHandler?)"/> to keep them.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>The transport under the SDK's pipeline when the SDK creates the HttpClient (ignored when <see cref="HttpClient"/> is set).</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>Returns the settings without the secret key.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"ClerkClientOptions(BaseUrl={BaseUrl}, ApiVersion={ApiVersion}, SecretKey={(string.IsNullOrEmpty(SecretKey) ? "<missing>" : "<hidden>")})";
}
