using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using Clerk.Http;

namespace Clerk;

/// <summary>
/// The entry point of the Clerk Backend API: one property per resource (<c>clerk.Users</c>, <c>clerk.Sessions</c>,
/// <c>clerk.ApiKeys</c>, ...), each a generated client with one <c>...Async</c> method per operation.
/// The resource properties are generated from the spec into <c>generated/BackendApi.Facade.g.cs</c>.
/// </summary>
public partial class ClerkClient : IDisposable
{
    private readonly string _baseUrl;

    /// <summary>Creates a client from options; fails at once on a missing or malformed secret key or URL.</summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="ClerkConfigurationException">A setting is missing or malformed.</exception>
    public ClerkClient(ClerkClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_baseUrl, var headers) = Validate(options);
        // The pipeline owns timeouts (overall and per try), so HttpClient's own timeout is off.
        Connection = options.HttpClient is not null
            ? new ClerkConnection(_baseUrl, options.HttpClient, ownsHttpClient: false, headers, options.StrictResponses)
            : new ClerkConnection(_baseUrl, new HttpClient(ClerkHttpPipeline.Create(options, options.HttpMessageHandler is null ? null : new NonDisposingHandler(options.HttpMessageHandler)), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan }, ownsHttpClient: true, headers, options.StrictResponses);
        Options = options;
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/> as is (its handlers and timeout) and never disposes
    /// it, e.g. one created by <c>IHttpClientFactory</c> (<c>services.AddClerk</c> registers one named
    /// <c>"Clerk"</c> that carries the SDK's pipeline). <see cref="ClerkClientOptionsBase.HttpClient"/> and
    /// <see cref="ClerkClientOptionsBase.HttpMessageHandler"/> are ignored.
    /// </summary>
    /// <param name="httpClient">The HttpClient to send through; it stays the caller's.</param>
    /// <param name="options">The settings (secret key, base URL, API version).</param>
    /// <exception cref="ClerkConfigurationException">A setting is missing or malformed.</exception>
    public ClerkClient(HttpClient httpClient, ClerkClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        (_baseUrl, var headers) = Validate(options);
        Connection = new ClerkConnection(_baseUrl, httpClient, ownsHttpClient: false, headers, options.StrictResponses);
        Options = options;
    }

    /// <summary>Creates a client with just a secret key and default settings.</summary>
    /// <param name="secretKey">The instance's secret key.</param>
    public ClerkClient(string secretKey)
        : this(new ClerkClientOptions { SecretKey = secretKey })
    {
    }

    /// <summary>For mocking: a subclass can override the resource properties without a secret key.</summary>
    protected ClerkClient()
    {
        _baseUrl = ClerkClientOptions.DefaultApiUrl + "/";
        Connection = new ClerkConnection(_baseUrl, new HttpClient(), ownsHttpClient: true, new BackendRequestHeaders("sk_test_mock", ClerkClientOptions.DefaultApiVersion, UserAgent));
        Options = new ClerkClientOptions();
    }

    /// <summary>The settings this client was built from.</summary>
    public ClerkClientOptions Options { get; }

    /// <summary>The normalized Backend API base URL (ends with <c>/</c>); with the secret key it identifies the instance.</summary>
    internal string ApiBaseUrl => _baseUrl;

    /// <summary>The <c>User-Agent</c> the SDK sends: package name and version, and the .NET version.</summary>
    public static ProductInfoHeaderValue[] UserAgent { get; } =
    [
        new ProductInfoHeaderValue("Clerk.Sdk", PackageVersion),
        new ProductInfoHeaderValue($"(.NET {Environment.Version})"),
    ];

    /// <summary>The SDK package version.</summary>
    public static string PackageVersion =>
        typeof(ClerkClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(ClerkClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>
    /// Creates a client from the environment: <c>CLERK_SECRET_KEY</c> (required) and <c>CLERK_API_URL</c>
    /// (optional; <c>https://api.clerk.com</c> or a full base URL such as <c>https://api.clerk.com/v1</c>).
    /// </summary>
    /// <returns>The client.</returns>
    /// <exception cref="ClerkConfigurationException">The variables are missing or malformed.</exception>
    public static ClerkClient FromEnvironment()
    {
        var options = new ClerkClientOptions { SecretKey = System.Environment.GetEnvironmentVariable("CLERK_SECRET_KEY") };
        var apiUrl = System.Environment.GetEnvironmentVariable("CLERK_API_URL");
        if (!string.IsNullOrWhiteSpace(apiUrl))
        {
            options.ApiUrl = apiUrl;
        }
        return new ClerkClient(options);
    }

    /// <summary>What the generated resource clients share: base URL, HttpClient, headers.</summary>
    internal ClerkConnection Connection { get; }

    /// <summary>Disposes the HttpClient if the SDK created it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the HttpClient if the SDK created it.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Connection.Dispose();
        }
    }

    /// <summary>Returns a description without the secret key.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"ClerkClient({_baseUrl})";

    private static (string BaseUrl, ClerkRequestHeaders Headers) Validate(ClerkClientOptions options)
    {
        var secretKey = SecretKeyValidator.Validate(options.SecretKey);
        var machineSecretKey = options.MachineSecretKey is null ? null : SecretKeyValidator.ValidateMachine(options.MachineSecretKey, "ClerkClientOptions.MachineSecretKey");
        var baseUrl = NormalizeBaseUrl(options.ApiUrl);
        if (string.IsNullOrWhiteSpace(options.ApiVersion))
        {
            throw new ClerkConfigurationException("ClerkClientOptions.ApiVersion must not be empty (default " + ClerkClientOptions.DefaultApiVersion + ").");
        }
        return (baseUrl, new BackendRequestHeaders(secretKey, options.ApiVersion, UserAgent, machineSecretKey));
    }

    /// <summary>The Backend API base URL ending with <c>/</c>; a host-only URL gets <c>/v1</c>.</summary>
    /// <exception cref="ClerkConfigurationException">The URL is not an absolute http(s) URL.</exception>
    internal static string NormalizeBaseUrl(string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(baseUrl) || !Clerk.Http.WebUrl.TryParse(baseUrl, out var uri))
        {
            throw new ClerkConfigurationException($"The Clerk API base URL '{baseUrl}' is not an absolute http(s) URL (default {ClerkClientOptions.DefaultApiUrl}).");
        }
        var text = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        // CLERK_API_URL is conventionally the host only; the Backend API lives under /v1.
        if (uri.AbsolutePath is "/" or "")
        {
            text += "/v1";
        }
        return text + "/";
    }
}
