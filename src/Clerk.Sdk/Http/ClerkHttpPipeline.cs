using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clerk.Http;

/// <summary>
/// Builds the SDK's HTTP pipeline, outermost first: diagnostics (overall timeout, span, warnings) ► retries (backoff,
/// Retry-After, per-try timeout, body read) ► the transport. The Clerk headers are added per request by the clients.
/// </summary>
public static class ClerkHttpPipeline
{
    /// <summary>Creates the pipeline handler for the given options.</summary>
    /// <param name="options">
    /// The client options, <see cref="ClerkClientOptions"/> or <see cref="ClerkFrontendClientOptions"/> (retry policy, timeout,
    /// response size cap, logging, time; the API's base URL names requests in logs and traces).
    /// </param>
    /// <param name="transport">The innermost handler; a new <see cref="SocketsHttpHandler"/> when null.</param>
    /// <returns>The outermost handler.</returns>
    public static HttpMessageHandler Create(ClerkClientOptionsBase options, HttpMessageHandler? transport = null) =>
        Link(CreateHandlers(options), transport);

    private static HttpMessageHandler Link(DelegatingHandler[] handlers, HttpMessageHandler? transport)
    {
        for (var i = 0; i < handlers.Length - 1; i++)
        {
            handlers[i].InnerHandler = handlers[i + 1];
        }
        handlers[^1].InnerHandler = transport ?? CreateTransport();
        return handlers[0];
    }

    /// <summary>
    /// Creates the SDK's pipeline as unlinked handlers, outermost first (diagnostics, then retries), for composing it into
    /// a handler chain built elsewhere, e.g. <c>IHttpClientFactory</c>'s additional handlers: handlers placed after them
    /// (closer to the transport) run once per attempt; handlers placed before them see the final outcome of the call.
    /// </summary>
    /// <param name="options">The client options, <see cref="ClerkClientOptions"/> or <see cref="ClerkFrontendClientOptions"/>.</param>
    /// <returns>New handlers, not linked to each other (<see cref="DelegatingHandler.InnerHandler"/> is null); each chain needs its own.</returns>
    /// <exception cref="ClerkConfigurationException">The retry policy is malformed.</exception>
    public static DelegatingHandler[] CreateHandlers(ClerkClientOptionsBase options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Validate();
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Clerk.Sdk");
        var retry = new ClerkRetryHandler(options.Retry, options.TimeProvider, logger, options.MaxResponseBodyBytes);
        var diagnostics = new ClerkDiagnosticsHandler(options.Timeout, options.TimeProvider, logger);
        return [diagnostics, retry];
    }

    /// <summary>The SDK's default transport: a <see cref="SocketsHttpHandler"/> whose pooled connections live 5 minutes (DNS changes are picked up).</summary>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler CreateTransport() => new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
}
