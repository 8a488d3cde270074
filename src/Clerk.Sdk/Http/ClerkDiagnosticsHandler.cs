using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Clerk.Http;

/// <summary>
/// The outermost handler of the SDK's pipeline: enforces the overall call timeout (all attempts together), opens a
/// span per call on <see cref="ClerkTelemetry.Source"/> and logs failed calls at Warning. Names requests by operation
/// and path template only: no ids, query values, headers or bodies reach logs or traces.
/// </summary>
internal sealed class ClerkDiagnosticsHandler : DelegatingHandler
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ClerkTimeoutSources _deadlines;
    private readonly ILogger _logger;

    public ClerkDiagnosticsHandler(TimeSpan timeout, TimeProvider time, ILogger logger)
    {
        _timeout = timeout;
        _time = time;
        _deadlines = new ClerkTimeoutSources(timeout, time);
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // No listener, no span: then neither the span name nor the description is built (this runs on every call).
        using var activity = ClerkTelemetry.Source.HasListeners() ? StartActivity(request) : null;
        // A call's own timeout (ClerkRequestOptions.Timeout) gets a source of its own; the client's comes from the pool.
        var callTimeout = ClerkRequestOptions.Of(request)?.Timeout;
        using var own = callTimeout is { } t && t != Timeout.InfiniteTimeSpan ? new CancellationTokenSource(t, _time) : null;
        using var lease = callTimeout is null ? _deadlines.Rent() : default;
        var deadline = callTimeout is null ? lease.Source : own;
        var timeout = callTimeout ?? _timeout;
        // The caller's token cancels the deadline source through one registration (no linked source per call); a
        // source cancelled that way is not reused (ClerkTimeoutSources).
        using var link = deadline is not null && cancellationToken.CanBeCanceled ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), deadline) : default;
        var token = deadline?.Token ?? cancellationToken;
        var start = _time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, token).ConfigureAwait(false);
            if (activity is not null)
            {
                activity.SetTag("http.response.status_code", (int)response.StatusCode);
                activity.SetTag("clerk.retry_count", Attempts(request) - 1);
            }
            if (!response.IsSuccessStatusCode)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (_logger.IsEnabled(LogLevel.Warning))
                {
                    _logger.LogWarning("Clerk {Operation} failed with {Status} after {Attempts} attempt(s) in {ElapsedMs} ms", ClerkOperation.Describe(request), (int)response.StatusCode, Attempts(request), (long)_time.GetElapsedTime(start).TotalMilliseconds);
                }
            }
            return response;
        }
        catch (OperationCanceledException ex) when (deadline?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            var attempts = Attempts(request);
            var operation = ClerkOperation.Describe(request);
            Fail(activity, "timeout", attempts);
            _logger.LogWarning("Clerk {Operation} timed out after {TimeoutMs} ms ({Attempts} attempt(s))", operation, (long)timeout.TotalMilliseconds, attempts);
            // The cause of the last failed attempt, when the deadline fell after one (a retry's delay or the next attempt).
            var last = request.Options.TryGetValue(ClerkRetryHandler.LastFailure, out var failure) ? failure : null;
            var lastText = last is null ? "" : $" The last attempt before it failed: {last.Message}";
            throw new ClerkTimeoutException($"{operation} did not complete within the {timeout.TotalSeconds:0.###} s timeout ({(callTimeout is null ? "ClerkClientOptions.Timeout" : "ClerkRequestOptions.Timeout")}; {attempts} attempt(s)).{lastText}", timeout, attempts, last ?? ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var attempts = Attempts(request);
            var operation = ClerkOperation.Describe(request);
            Fail(activity, ex.GetType().Name, attempts);
            _logger.LogWarning("Clerk {Operation} failed: {Error} after {Attempts} attempt(s)", operation, ex.GetType().Name, attempts);
            if (ex is ClerkException) throw;
            throw new ClerkConnectionException($"{operation} failed: {ex.Message}", attempts, ex);
        }
    }

    private static Activity? StartActivity(HttpRequestMessage request)
    {
        var operation = ClerkOperation.Of(request);
        var activity = ClerkTelemetry.Source.StartActivity(operation is not null ? "Clerk " + operation.Id : "Clerk request", ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("server.address", request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.Host : null);
            if (operation is not null)
            {
                activity.SetTag("url.template", operation.PathTemplate);
                activity.SetTag("clerk.resource", operation.Resource);
                activity.SetTag("clerk.operation", operation.Name);
            }
        }
        return activity;
    }


    private static int Attempts(HttpRequestMessage request) => ClerkRequestOptions.AttemptsOf(request);

    private static void Fail(Activity? activity, string reason, int attempts)
    {
        activity?.SetTag("clerk.retry_count", attempts - 1);
        activity?.SetStatus(ActivityStatusCode.Error, reason);
    }
}
