using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Clerk;

/// <summary>
/// The transport settings both clients share, <see cref="ClerkClient"/> (<see cref="ClerkClientOptions"/>) and
/// <see cref="ClerkFrontendClient"/> (<see cref="ClerkFrontendClientOptions"/>): timeout, retries, response size cap,
/// logging, clock and the HttpClient or transport. <see cref="Http.ClerkHttpPipeline"/> builds the SDK's pipeline from them.
/// </summary>
public abstract class ClerkClientOptionsBase
{
    /// <summary>The default <see cref="MaxResponseBodyBytes"/> (32 MiB).</summary>
    public const long DefaultMaxResponseBodyBytes = 32L * 1024 * 1024;

    /// <summary>Only the SDK's own options classes derive from this one.</summary>
    private protected ClerkClientOptionsBase()
    {
    }

    /// <summary>
    /// Overall timeout of one call, all attempts and delays included (default 100 s). Exceeding it throws
    /// <see cref="ClerkTimeoutException"/>; cancelling the caller's token throws OperationCanceledException.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The retry policy (bounded defaults; see <see cref="ClerkRetryOptions"/>).</summary>
    public ClerkRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// The largest response body the SDK reads (default <see cref="DefaultMaxResponseBodyBytes"/>, 32 MiB); a larger one
    /// fails with <see cref="ClerkException"/> and is not retried.
    /// </summary>
    public long MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

    /// <summary>
    /// Check every successful response against the spec's required fields (default off). When on, a response that lacks
    /// a field the spec requires, or sends null where the spec does not allow one, throws
    /// <see cref="ClerkMissingFieldException"/> naming the operation, the model and the property, instead of leaving null
    /// (or 0, false) in a property declared non-nullable. Off, such a field reads as the type's default.
    /// </summary>
    public bool StrictResponses { get; set; }

    /// <summary>Where the SDK logs (category <c>Clerk.Sdk</c>); secrets, tokens and ids are never logged. Default: no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock for timeouts and retry delays (a fake one in tests). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// An HttpClient to use as is (its handlers, timeout and lifetime stay the caller's). The SDK's retry, timeout, size cap
    /// and diagnostics handlers are not in it; build one with
    /// <see cref="Http.ClerkHttpPipeline.Create(ClerkClientOptionsBase, HttpMessageHandler?)"/> to keep them.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// The transport under the SDK's pipeline when the SDK creates the HttpClient (ignored when <see cref="HttpClient"/> is
    /// set). The caller keeps it: the SDK never disposes it.
    /// </summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }
}
