using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Clerk.AspNetCore;

/// <summary>
/// Answers an endpoint's unhandled Clerk exception with a ProblemDetails response (registered by
/// <see cref="Microsoft.Extensions.DependencyInjection.ClerkProblemDetailsServiceCollectionExtensions.AddClerkProblemDetails"/>):
/// what the caller caused passes through (Clerk's 400, 404, 409, 422, with Clerk's error codes and messages and the trace
/// id), what the app or Clerk caused does not (Clerk's 401/403, the app's own credentials: 502; a rate limit: 503 with
/// Retry-After; a timeout: 504; any other failure: 502). Never a secret, token or response body.
/// </summary>
internal sealed class ClerkProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ClerkProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ClerkException clerk || httpContext.Response.HasStarted) return false;
        var problem = Map(clerk);
        if (clerk is ClerkRateLimitException { RetryAfter: { } retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        logger.LogWarning("Clerk call failed ({Exception}); answered {Status}", clerk.GetType().Name, problem.Status);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }).ConfigureAwait(false);
    }

    internal static ProblemDetails Map(ClerkException exception)
    {
        switch (exception)
        {
            case ClerkTimeoutException:
                return Problem(StatusCodes.Status504GatewayTimeout, "Clerk did not answer in time.");
            case ClerkRateLimitException rate:
                return WithTrace(Problem(StatusCodes.Status503ServiceUnavailable, "Clerk is rate limiting this application; try again later."), rate);
            case ClerkApiException api when (int)api.StatusCode is 400 or 404 or 409 or 422:
                var passed = Problem((int)api.StatusCode, api.Errors.FirstOrDefault()?.LongMessage ?? api.Errors.FirstOrDefault()?.Message ?? ReasonOf(api.StatusCode));
                passed.Extensions["clerkErrors"] = api.Errors.Select(e => new { code = e.Code, message = e.Message, longMessage = e.LongMessage, paramName = e.Meta?.ParamName }).ToArray();
                return WithTrace(passed, api);
            case ClerkApiException api:
                return WithTrace(Problem(StatusCodes.Status502BadGateway, $"Clerk answered {(int)api.StatusCode} to this application."), api);
            default:
                return Problem(StatusCodes.Status502BadGateway, "The call to Clerk failed.");
        }
    }

    private static ProblemDetails Problem(int status, string detail) => new() { Status = status, Title = ReasonOf((HttpStatusCode)status), Detail = detail };

    private static ProblemDetails WithTrace(ProblemDetails problem, ClerkApiException exception)
    {
        if (exception.TraceId is { } traceId) problem.Extensions["clerkTraceId"] = traceId;
        return problem;
    }

    private static string ReasonOf(HttpStatusCode status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase((int)status);
}
