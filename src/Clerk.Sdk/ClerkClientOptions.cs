namespace Clerk;

/// <summary>
/// Settings for <see cref="ClerkClient"/>. Only <see cref="SecretKey"/> is required; the transport settings (timeout,
/// retries, logging, ...) are those of <see cref="ClerkClientOptionsBase"/>.
/// </summary>
public sealed class ClerkClientOptions : ClerkClientOptionsBase
{
    /// <summary>The default Backend API URL.</summary>
    public const string DefaultApiUrl = "https://api.clerk.com/v1";

    /// <summary>The default Backend API URL; renamed <see cref="DefaultApiUrl"/>.</summary>
    [System.Obsolete("Use DefaultApiUrl: one name for the API URL in options, configuration (Clerk:ApiUrl) and the environment (CLERK_API_URL).")]
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public const string DefaultBaseUrl = DefaultApiUrl;

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

    /// <summary>
    /// The Backend API URL, default <see cref="DefaultApiUrl"/>; a host alone (<c>https://api.clerk.com</c>) means its
    /// <c>/v1</c>. The same setting as <c>Clerk:ApiUrl</c> in configuration and <c>CLERK_API_URL</c> in the environment.
    /// </summary>
    public string ApiUrl { get; set; } = DefaultApiUrl;

    /// <summary>The Backend API URL; renamed <see cref="ApiUrl"/> (this property reads and writes it).</summary>
    [System.Obsolete("Use ApiUrl: one name for the API URL in options, configuration (Clerk:ApiUrl) and the environment (CLERK_API_URL).")]
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public string BaseUrl { get => ApiUrl; set => ApiUrl = value; }

    /// <summary>The <c>Clerk-API-Version</c> to send, default <see cref="DefaultApiVersion"/>.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>Returns the settings without the secret key.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"ClerkClientOptions(ApiUrl={ApiUrl}, ApiVersion={ApiVersion}, SecretKey={(string.IsNullOrEmpty(SecretKey) ? "<missing>" : "<hidden>")})";
}
