namespace Clerk;

/// <summary>
/// Settings for <see cref="ClerkClient"/>. Only <see cref="SecretKey"/> is required; the transport settings (timeout,
/// retries, logging, ...) are those of <see cref="ClerkClientOptionsBase"/>.
/// </summary>
public sealed class ClerkClientOptions : ClerkClientOptionsBase
{
    /// <summary>The default Backend API base URL.</summary>
    public const string DefaultBaseUrl = "https://api.clerk.com/v1";

    /// <summary>The Backend API version this SDK was generated from and sends by default (follows the pinned spec).</summary>
    public static string DefaultApiVersion => ClerkClient.GeneratedApiVersion;

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

    /// <summary>Returns the settings without the secret key.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"ClerkClientOptions(BaseUrl={BaseUrl}, ApiVersion={ApiVersion}, SecretKey={(string.IsNullOrEmpty(SecretKey) ? "<missing>" : "<hidden>")})";
}
