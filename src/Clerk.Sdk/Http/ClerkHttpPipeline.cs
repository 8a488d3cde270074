using System;
using System.Collections.Generic;
using System.Net.Http;
using Clerk.BackendApi;
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
    /// <param name="options">The client options (retry policy, timeout, logging, time).</param>
    /// <param name="transport">The innermost handler; a new <see cref="SocketsHttpHandler"/> when null.</param>
    /// <returns>The outermost handler.</returns>
    public static HttpMessageHandler Create(ClerkClientOptions options, HttpMessageHandler? transport = null) =>
        Create(options, transport, ClerkOperationTable.Rows);

    /// <summary>The pipeline for an API whose operations are in <paramref name="operations"/> (logs and traces name requests from it).</summary>
    internal static HttpMessageHandler Create(ClerkClientOptions options, HttpMessageHandler? transport, IEnumerable<(string Method, string Template, string Resource, string Operation)> operations)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Validate();
        var baseUrl = new Uri(options.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
        var catalog = new ClerkOperationCatalog(baseUrl, operations);
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Clerk.Sdk");
        var inner = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var retry = new ClerkRetryHandler(options.Retry, options.TimeProvider, logger, catalog, options.MaxResponseBodyBytes) { InnerHandler = inner };
        return new ClerkDiagnosticsHandler(options.Timeout, options.TimeProvider, logger, catalog) { InnerHandler = retry };
    }
}
