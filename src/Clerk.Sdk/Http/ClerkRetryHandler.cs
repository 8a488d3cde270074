using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Clerk.Http;

/// <summary>
/// Retries failed attempts with exponential backoff and jitter, honouring Retry-After, within the bounds of
/// <see cref="ClerkRetryOptions"/>. A POST or PATCH is retried only when it provably never reached Clerk
/// (connection refused, DNS failure) or on a 429 carrying Retry-After, unless the caller opts in.
/// Logs each attempt at Debug and each retry at Information (method, path template, status, attempt, elapsed).
/// </summary>
internal sealed class ClerkRetryHandler : DelegatingHandler
{
    private readonly ClerkRetryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _maxResponseBytes;
    /// <summary>On a request being retried: the failure of its last attempt (an exception, or the retried status).</summary>
    internal static readonly HttpRequestOptionsKey<Exception> LastFailure = new("Clerk.LastFailure");

    private readonly ClerkTimeoutSources _tryTimeouts;

    public ClerkRetryHandler(ClerkRetryOptions options, TimeProvider time, ILogger logger, long maxResponseBytes)
    {
        _maxResponseBytes = maxResponseBytes;
        _options = options;
        _time = time;
        _logger = logger;
        _tryTimeouts = new ClerkTimeoutSources(options.PerTryTimeout, time);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        var idempotent = IsIdempotent(request);
        // Per call (ClerkRequestOptions.MaxRetries), else the client's policy.
        var maxRetries = ClerkRequestOptions.Of(request)?.MaxRetries is { } callRetries ? Math.Max(0, callRetries) : _options.MaxRetries;
        if (request.Content is not null)
        {
            // A retry re-sends the body: buffer it once (generated bodies are strings already).
#if NET9_0_OR_GREATER
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
#endif
        }
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                // Read as 1 when absent (ClerkRequestOptions.AttemptsOf): a call that succeeds at once allocates no options.
                request.Options.Set(ClerkRequestOptions.Attempts, attempt);
            }
            var attemptStart = _time.GetTimestamp();
            // Timers come from the TimeProvider (CancelAfter would use the system clock).
            using var lease = _tryTimeouts.Rent();
            var tryTimeout = lease.Source;
            // The call's token cancels the per-try source through one registration (no linked source per attempt);
            // a source cancelled that way is not reused (ClerkTimeoutSources).
            using var link = tryTimeout is not null && cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), tryTimeout) : default;
            var perTry = tryTimeout?.Token ?? cancellationToken;
            HttpResponseMessage? response = null;
            Exception? failure = null;
            var reachedServer = true;
            try
            {
                response = await base.SendAsync(request, perTry).ConfigureAwait(false);
                // Read the body inside the attempt: a reset mid-body is retried like any network failure, a slow
                // drip runs into the timeouts, and an oversized body is refused before it fills memory.
                await ClerkResponseBuffer.LoadAsync(response, _maxResponseBytes, perTry).ConfigureAwait(false);
            }
            catch (ClerkException)
            {
                response?.Dispose();
                throw;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                response = null;
                // Only the per-try timeout can cancel here: the caller's token is not set.
                failure = new ClerkTimeoutException($"{ClerkOperation.Describe(request)} attempt {attempt} did not complete within {_options.PerTryTimeout.TotalSeconds:0.###} s.", _options.PerTryTimeout, attempt, ex);
            }
            catch (HttpRequestException ex)
            {
                reachedServer = response is not null || !IsConnectFailure(ex);
                if (reachedServer && response is null)
                {
                    ex = new HttpRequestException($"the connection broke before Clerk answered (the request may have reached Clerk): {ex.Message}", ex, ex.StatusCode);
                }
                response?.Dispose();
                response = null;
                failure = ex;
            }
            catch (IOException ex)
            {
                // The connection broke while the body was arriving: the request did reach Clerk.
                response?.Dispose();
                response = null;
                failure = new HttpRequestException($"the connection broke while the response arrived (the request reached Clerk): {ex.Message}", ex);
            }

            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var elapsed = _time.GetElapsedTime(attemptStart);
                if (response is not null)
                {
                    _logger.LogDebug("Clerk {Operation} -> {Status} (attempt {Attempt}, {ElapsedMs} ms)", ClerkOperation.Describe(request), (int)response.StatusCode, attempt, (long)elapsed.TotalMilliseconds);
                }
                else
                {
                    _logger.LogDebug("Clerk {Operation} failed: {Error} (attempt {Attempt}, {ElapsedMs} ms)", ClerkOperation.Describe(request), failure!.GetType().Name, attempt, (long)elapsed.TotalMilliseconds);
                }
            }

            var decision = Decide(request, response, failure, reachedServer, idempotent, attempt, maxRetries);
            if (decision is not { } delay || !WithinBudget(start, delay))
            {
                if (response is not null) return response;
                throw failure is ClerkTimeoutException ? failure : Wrap(failure!, ClerkOperation.Describe(request), attempt);
            }

            // What went wrong last: the overall timeout, should it end the call during the delay or the next attempt, says it.
            request.Options.Set(LastFailure, failure ?? new HttpRequestException($"Clerk answered {(int)response!.StatusCode} {response.ReasonPhrase}".TrimEnd(), null, response.StatusCode));
            _logger.LogInformation("Clerk {Operation}: retrying after {Reason} in {DelayMs} ms (attempt {Attempt} of {MaxAttempts})",
                ClerkOperation.Describe(request), response is null ? failure!.GetType().Name : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), (long)delay.TotalMilliseconds, attempt + 1, maxRetries + 1);
            response?.Dispose();
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The delay before the next attempt, or null when this outcome is final.</summary>
    private TimeSpan? Decide(HttpRequestMessage request, HttpResponseMessage? response, Exception? failure, bool reachedServer, bool idempotent, int attempt, int maxRetries)
    {
        if (attempt > maxRetries)
        {
            return null;
        }
        if (response is null)
        {
            // A host name that does not exist stays so: a retry only delays the error (a mistyped ApiUrl).
            if (failure is HttpRequestException http && IsUnknownHost(http)) return null;
            // Network failure or per-try timeout: safe to repeat only if the request never arrived or is idempotent.
            return idempotent || !reachedServer ? Backoff(attempt) : null;
        }
        var status = (int)response.StatusCode;
        if (status is not (408 or 429 or 500 or 502 or 503 or 504))
        {
            return null;
        }
        var retryAfter = status is 429 or 503 ? RetryAfterHeader.Read(response, _time) : null;
        if (!idempotent && !(status == 429 && retryAfter is not null))
        {
            // A 5xx or 408 may have been processed: never silently send a POST twice.
            return null;
        }
        return retryAfter is { } wait ? Min(wait, _options.MaxDelay) : Backoff(attempt);
    }

    private bool IsIdempotent(HttpRequestMessage request)
    {
        // Per call (ClerkRequestOptions.RetryNonIdempotent), else the client's policy.
        if (ClerkRequestOptions.Of(request)?.RetryNonIdempotent ?? _options.RetryNonIdempotentRequests) return true;
        if ((ClerkOperation.Of(request)?.IsIdempotent) ?? ClerkOperation.IsIdempotentMethod(request.Method)) return true;
        return request.Options.TryGetValue(ClerkRequestOptions.AllowRetryOfNonIdempotentRequest, out var allowed) && allowed;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var spread = 1 + (((Random.Shared.NextDouble() * 2) - 1) * _options.Jitter);
        return Min(TimeSpan.FromMilliseconds(exponential * spread), _options.MaxDelay);
    }

    private bool WithinBudget(long start, TimeSpan delay) => _time.GetElapsedTime(start) + delay <= _options.MaxElapsedTime;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>
    /// True when name resolution answered that the host does not exist (<c>HostNotFound</c>, <c>NoData</c>); a
    /// temporary resolver failure (<c>TryAgain</c>) stays retryable.
    /// </summary>
    private static bool IsUnknownHost(HttpRequestException ex)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket) return socket.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData;
        }
        return false;
    }

    /// <summary>True when the failure happened before the request could reach the server.</summary>
    private static bool IsConnectFailure(HttpRequestException ex)
    {
        if (ex.HttpRequestError is HttpRequestError.NameResolutionError) return true;
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                    or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData;
            }
        }
        return false;
    }

    private static ClerkException Wrap(Exception failure, string operation, int attempt) => failure switch
    {
        ClerkException clerk => clerk,
        HttpRequestException http => new ClerkConnectionException($"{operation} failed after {attempt} attempt(s): {http.Message}", attempt, http),
        _ => new ClerkException($"{operation} failed after {attempt} attempt(s): {failure.Message}", failure),
    };
}
