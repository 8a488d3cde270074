using System;
using Clerk.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Opt-in ProblemDetails answers for Clerk exceptions that escape an endpoint.</summary>
public static class ClerkProblemDetailsServiceCollectionExtensions
{
    /// <summary>
    /// Answers a <see cref="Clerk.ClerkException"/> an endpoint does not handle with a ProblemDetails response
    /// (<c>application/problem+json</c>): Clerk's 404 as 404, its 400/409/422 as they are with Clerk's error codes
    /// (<c>clerkErrors</c>) and trace id (<c>clerkTraceId</c>); a rate limit as 503 with <c>Retry-After</c>, a timeout as 504,
    /// Clerk rejecting the app's own key (401/403) or failing as 502. Also adds <c>AddProblemDetails()</c>; call
    /// <c>app.UseExceptionHandler()</c> in the pipeline.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddClerkProblemDetails(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddProblemDetails();
        services.AddExceptionHandler<ClerkProblemDetailsExceptionHandler>();
        return services;
    }
}
