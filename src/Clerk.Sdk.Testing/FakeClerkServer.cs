using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Authentication;
using Clerk.Testing.Hosting;
using Clerk.Testing.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Clerk.Testing.Resources.Sessions;

namespace Clerk.Testing;

/// <summary>
/// A fake Clerk Backend API for tests: users, sessions, organizations and memberships, invitations, API keys and
/// <c>GET /jwks</c>, kept in memory, with Clerk's JSON (the SDK's own models), ids, errors (<c>resource_not_found</c>,
/// <c>form_param_*</c>, <c>authentication_invalid</c>) and request checks read from the spec. It signs real RS256
/// session tokens (<see cref="CreateSessionToken"/>) with its own key, published on its <c>/jwks</c>, so
/// <see cref="ClerkTokenVerifier"/> verifies them unchanged.
/// <para>
/// <see cref="Create"/> serves it in-process (an <see cref="HttpMessageHandler"/>, no socket); <see cref="StartOnLoopbackAsync"/>
/// on Kestrel at <c>http://127.0.0.1:&lt;port&gt;</c> for other processes. Operations it does not implement answer 501.
/// </para>
/// </summary>
public sealed class FakeClerkServer : IDisposable, IAsyncDisposable
{
    private readonly FakeInstance _instance;
    private readonly WebApplication _app;
    private readonly bool _loopback;
    private int _disposed;

    private FakeClerkServer(FakeInstance instance, WebApplication app, string baseUrl, IReadOnlyList<string> implemented, bool loopback, Clerk.PublishableKey publishableKey)
    {
        _instance = instance;
        _app = app;
        ApiUrl = baseUrl;
        ImplementedOperations = implemented;
        _loopback = loopback;
        PublishableKey = publishableKey.Value;
    }

    /// <summary>The secret key the fake accepts (a random <c>sk_test_</c> key unless <see cref="FakeClerkServerOptions.SecretKey"/> was set).</summary>
    public string SecretKey { get; private init; } = string.Empty;

    /// <summary>The fake instance's publishable key: it encodes <see cref="FrontendApiUrl"/>, as Clerk's do.</summary>
    public string PublishableKey { get; }

    /// <summary>The fake's Frontend API URL (<c>https://fake-....clerk.test</c>): the <c>iss</c> of its session tokens.</summary>
    public string FrontendApiUrl => _instance.FrontendApiUrl;

    /// <summary>
    /// The Backend API base URL (<c>.../v1</c>): <c>http://127.0.0.1:&lt;port&gt;/v1</c> on loopback, a placeholder
    /// reached only through <see cref="CreateHttpMessageHandler"/> in-process.
    /// </summary>
    public string ApiUrl { get; }

    /// <summary>The Backend API URL; renamed <see cref="ApiUrl"/>, the name <see cref="ClerkClientOptions.ApiUrl"/> uses.</summary>
    [System.Obsolete("Use ApiUrl, the name ClerkClientOptions.ApiUrl, Clerk:ApiUrl and CLERK_API_URL use.")]
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public string BaseUrl => ApiUrl;

    /// <summary>Whether the fake listens on a loopback socket (<see cref="StartOnLoopbackAsync"/>) rather than in-process.</summary>
    public bool IsListening => _loopback;

    /// <summary>The <c>kid</c> of the fake's signing key (published on <c>/jwks</c>).</summary>
    public string KeyId => _instance.Signer.KeyId;

    /// <summary>The fake's public signing key in PEM, for a networkless verifier (<see cref="ClerkTokenVerifierOptions.JwtKey"/>).</summary>
    public string JwtPublicKeyPem => _instance.Signer.PublicKeyPem;

    /// <summary>The Backend API operations the fake implements, as the spec's operation ids (<c>Users_Create</c>, <c>Users_List</c>, ...).</summary>
    public IReadOnlyList<string> ImplementedOperations { get; }

    /// <summary>Starts a fake served in-process: reach it with <see cref="CreateClient"/> or <see cref="CreateHttpMessageHandler"/>.</summary>
    /// <param name="options">The settings (defaults when null).</param>
    /// <returns>The started fake; dispose it at the end of the test.</returns>
    public static FakeClerkServer Create(FakeClerkServerOptions? options = null)
    {
        // TestServer starts synchronously (no I/O), so waiting here cannot block on a socket or a synchronization context.
        return Task.Run(() => StartAsync(options, loopback: false, CancellationToken.None)).GetAwaiter().GetResult();
    }

    /// <summary>Starts a fake on Kestrel at <c>http://127.0.0.1:&lt;free port&gt;</c> (see <see cref="ApiUrl"/>), for integration tests and other processes.</summary>
    /// <param name="options">The settings (defaults when null).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started fake; dispose it to stop listening.</returns>
    public static Task<FakeClerkServer> StartOnLoopbackAsync(FakeClerkServerOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(options, loopback: true, cancellationToken);

    /// <summary>
    /// The transport to the fake: in-process, a handler that calls the app directly; on loopback, a plain socket handler.
    /// Pass it as <see cref="ClerkClientOptionsBase.HttpMessageHandler"/> with <see cref="ApiUrl"/>, or use <see cref="CreateClient"/>.
    /// </summary>
    /// <returns>A new handler; the caller disposes it.</returns>
    public HttpMessageHandler CreateHttpMessageHandler() => _loopback ? new SocketsHttpHandler() : _app.GetTestServer().CreateHandler();

    /// <summary>
    /// Client options aimed at the fake: its secret key, base URL and transport, and
    /// <see cref="ClerkClientOptionsBase.StrictResponses"/> on, so a response of the fake that lacks a field the spec
    /// requires fails the test that read it.
    /// </summary>
    /// <returns>New options; change what you need (retries, logging, clock) before creating the client.</returns>
    public ClerkClientOptions CreateClientOptions() => new()
    {
        SecretKey = SecretKey,
        ApiUrl = ApiUrl,
        HttpMessageHandler = CreateHttpMessageHandler(),
        StrictResponses = true,
    };

    /// <summary>A <see cref="ClerkClient"/> of the fake instance.</summary>
    /// <param name="configure">Changes the options first (optional).</param>
    /// <returns>The client; dispose it.</returns>
    public ClerkClient CreateClient(Action<ClerkClientOptions>? configure = null)
    {
        var options = CreateClientOptions();
        configure?.Invoke(options);
        return new ClerkClient(options);
    }

    /// <summary>
    /// Verifier options for the fake's session tokens: its publishable key (so <c>iss</c> is checked), clock and, on
    /// loopback, <see cref="ClerkTokenVerifierOptions.ProxyUrl"/> = <see cref="FrontendApiProxyUrl"/>, so that handshakes reach the fake.
    /// </summary>
    /// <returns>New options; add <see cref="ClerkTokenVerifierOptions.AuthorizedParties"/> as your app does.</returns>
    public ClerkTokenVerifierOptions CreateTokenVerifierOptions() => new()
    {
        PublishableKey = PublishableKey,
        TimeProvider = _instance.Options.TimeProvider,
        ProxyUrl = FrontendApiProxyUrl,
    };

    /// <summary>
    /// On loopback: the fake's root URL, serving the Frontend API's handshake (<c>/v1/client/handshake</c>). A publishable key
    /// cannot name a loopback port, so a verifier reaches the fake's handshake through
    /// <see cref="ClerkTokenVerifierOptions.ProxyUrl"/> (<see cref="CreateTokenVerifierOptions"/> sets it). Null in-process.
    /// </summary>
    public string? FrontendApiProxyUrl => _loopback ? ApiUrl[..^"/v1".Length] : null;

    /// <summary>
    /// Signs a session token for <paramref name="userId"/> as Clerk would issue it to a signed-in browser: RS256 with the
    /// fake's key, <c>sub</c>, <c>sid</c> (a new active session of the fake unless <see cref="FakeSessionTokenOptions.SessionId"/>),
    /// <c>iss</c> = <see cref="FrontendApiUrl"/>, 60 s lifetime, <c>v: 2</c>, <c>sts</c> and the organization claims.
    /// The user need not exist in the fake.
    /// </summary>
    /// <param name="userId">The user (<c>sub</c>).</param>
    /// <param name="organization">The active organization and the member's role and permissions, or null.</param>
    /// <param name="options">Party, lifetime, status, session and extra claims (optional).</param>
    /// <returns>The JWT.</returns>
    public string CreateSessionToken(string userId, FakeOrganizationClaims? organization = null, FakeSessionTokenOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        options ??= new FakeSessionTokenOptions();
        lock (_instance.Store.Gate)
        {
            var now = _instance.Store.NowMs;
            var sessionId = options.SessionId is { } id
                ? SessionRoutes.Current(_instance.Store, id, now).Id
                : SessionRoutes.Start(_instance.Store, userId, organization?.Id, now).Id;
            return _instance.Signer.Sign(userId, sessionId, organization, options);
        }
    }

    /// <summary>Forgets every user, session, organization, invitation and API key (the keys and URLs stay).</summary>
    public void Reset()
    {
        lock (_instance.Store.Gate)
        {
            _instance.Store.Clear();
        }
    }

    /// <summary>Describes the fake without its secret key.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"FakeClerkServer({(_loopback ? ApiUrl : "in-process")}, frontend {FrontendApiUrl})";

    /// <summary>Stops the fake.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Stops the fake.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _app.DisposeAsync().ConfigureAwait(false);
        _instance.Signer.Dispose();
    }

    private static async Task<FakeClerkServer> StartAsync(FakeClerkServerOptions? options, bool loopback, CancellationToken cancellationToken)
    {
        options ??= new FakeClerkServerOptions();
        var secretKey = options.SecretKey ?? "sk_test_fake" + ClerkIds.Random(40);
        if (!secretKey.StartsWith("sk_test_", StringComparison.Ordinal) && !secretKey.StartsWith("sk_live_", StringComparison.Ordinal))
        {
            throw new ArgumentException("FakeClerkServerOptions.SecretKey must start with sk_test_ or sk_live_ (the value is not shown).", nameof(options));
        }
        var publishableKey = FakePublishableKey(options);
        var instance = new FakeInstance(options, secretKey, publishableKey);
        var (app, baseUrl, implemented) = await FakeHost.StartAsync(instance, loopback, cancellationToken).ConfigureAwait(false);
        return new FakeClerkServer(instance, app, baseUrl, implemented, loopback, publishableKey) { SecretKey = secretKey };
    }

    /// <summary>The fake's publishable key, built by the SDK's own <see cref="Clerk.PublishableKey"/> so it parses wherever a real one does.</summary>
    private static Clerk.PublishableKey FakePublishableKey(FakeClerkServerOptions options)
    {
        try
        {
            return Clerk.PublishableKey.FromFrontendApiHost(options.FrontendApiHost ?? $"fake-{ClerkIds.Random(10).ToLowerInvariant()}.clerk.test");
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException("FakeClerkServerOptions.FrontendApiHost must be a host name such as clerk.example.test (no scheme, port or path), as a publishable key holds; the inner exception says why.", nameof(options), ex);
        }
    }
}
