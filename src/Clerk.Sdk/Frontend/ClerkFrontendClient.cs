using System;
using System.Net.Http;
using Clerk.FrontendApi;
using Clerk.Http;

namespace Clerk;

/// <summary>
/// Clerk's Frontend API for native .NET apps (desktop, MAUI, CLI) acting for a signed-in user: one property per resource
/// (generated into <c>generated/FrontendApi.Facade.g.cs</c>), plus <see cref="Me"/> for the user's own sessions.
/// Built from the publishable key; authenticates as a native app with the client token where the operation's security
/// accepts it (see <see cref="ClerkFrontendClientOptions.ClientToken"/>), and returns the redirect of a browser endpoint
/// (<see cref="ClerkRedirect"/>) instead of following it.
/// </summary>
public partial class ClerkFrontendClient : IDisposable
{
    private readonly string _baseUrl;
    private readonly FrontendRequestHeaders _headers;

    /// <summary>Creates a client; fails at once on a missing or malformed publishable key.</summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="ClerkConfigurationException">The publishable key or URL is missing or malformed.</exception>
    public ClerkFrontendClient(ClerkFrontendClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        (PublishableKey, _baseUrl) = options.Resolve();
        _headers = new FrontendRequestHeaders(options.ClientToken, options.SessionId, options.ApiVersion, ClerkClient.UserAgent, options.OAuthClientId, options.OAuthClientSecret);
        if (options.HttpClient is not null)
        {
            Connection = new ClerkConnection(_baseUrl, options.HttpClient, ownsHttpClient: false, _headers, options.StrictResponses);
        }
        else
        {
            // Redirects are results or errors, never followed (ClerkRedirect): a 307 would re-send a sign-in's body elsewhere.
            HttpMessageHandler transport = options.HttpMessageHandler is null
                ? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false }
                : new NonDisposingHandler(options.HttpMessageHandler);
            var http = new HttpClient(ClerkHttpPipeline.Create(options, transport), disposeHandler: true)
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            Connection = new ClerkConnection(_baseUrl, http, ownsHttpClient: true, _headers, options.StrictResponses);
        }
        Me = new ClerkFrontendMe(this);
    }

    /// <summary>The decoded publishable key (instance host, live or test).</summary>
    public PublishableKey PublishableKey { get; }

    /// <summary>The newest client token (Clerk rotates it in responses); persist it for the next app start.</summary>
    public string? ClientToken => _headers.ClientToken;

    /// <summary>The signed-in user's own resources: <c>clerk.Me.Sessions.ListActiveAsync()</c>.</summary>
    public ClerkFrontendMe Me { get; }

    /// <summary>
    /// Creates a client from <c>CLERK_PUBLISHABLE_KEY</c> (required), <c>CLERK_CLIENT_TOKEN</c> and
    /// <c>CLERK_SESSION_ID</c> (optional).
    /// </summary>
    /// <returns>The client.</returns>
    /// <exception cref="ClerkConfigurationException">The publishable key is missing or malformed.</exception>
    public static ClerkFrontendClient FromEnvironment() => new(new ClerkFrontendClientOptions
    {
        PublishableKey = System.Environment.GetEnvironmentVariable("CLERK_PUBLISHABLE_KEY"),
        ClientToken = System.Environment.GetEnvironmentVariable("CLERK_CLIENT_TOKEN"),
        SessionId = System.Environment.GetEnvironmentVariable("CLERK_SESSION_ID"),
    });

    /// <summary>What the generated resource clients share: base URL, HttpClient, headers.</summary>
    internal ClerkConnection Connection { get; }

    /// <summary>Disposes the HttpClient if the SDK created it.</summary>
    public void Dispose()
    {
        Connection.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A description without the client token.</summary>
    /// <returns>The Frontend API URL.</returns>
    public override string ToString() => $"ClerkFrontendClient({_baseUrl})";
}
