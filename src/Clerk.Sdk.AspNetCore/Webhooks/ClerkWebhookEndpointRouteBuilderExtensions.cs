using System;
using Clerk;
using Clerk.AspNetCore;
using Clerk.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps a Clerk webhook endpoint: <c>app.MapClerkWebhooks("/webhooks/clerk", hooks => hooks.On&lt;User&gt;("user.created", ...))</c>.</summary>
public static class ClerkWebhookEndpointRouteBuilderExtensions
{
    /// <summary>The configuration key of the signing secret read when <see cref="ClerkWebhookOptions.SigningSecret"/> is not set.</summary>
    public const string SigningSecretConfigurationKey = "Clerk:WebhookSecret";

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to a webhook endpoint that reads the raw body (up to
    /// <see cref="ClerkWebhookOptions.MaxBodyBytes"/>), verifies its Svix signature and timestamp with
    /// <see cref="ClerkWebhookVerifier"/>, parses it into a typed <see cref="ClerkWebhookEvent"/> and runs the handlers of
    /// <paramref name="configure"/> and the <see cref="IClerkWebhookHandler{TData}"/> services. A webhook that fails
    /// verification gets 400 with a short reason and no handler runs. The endpoint allows anonymous callers (the signature
    /// is the authentication), so a fallback authorization policy does not block Clerk.
    /// </summary>
    /// <param name="endpoints">The route builder (the app).</param>
    /// <param name="pattern">The route, e.g. <c>/webhooks/clerk</c>.</param>
    /// <param name="configure">Adds handlers and settings; may be null when the handlers are <see cref="IClerkWebhookHandler{TData}"/> services.</param>
    /// <returns>The endpoint's convention builder (rate limiting, host filters, ...).</returns>
    /// <exception cref="InvalidOperationException">No signing secret is configured.</exception>
    /// <exception cref="ClerkConfigurationException">The signing secret is malformed (the value is not shown).</exception>
    public static IEndpointConventionBuilder MapClerkWebhooks(this IEndpointRouteBuilder endpoints, string pattern, Action<ClerkWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var options = new ClerkWebhookOptions();
        configure?.Invoke(options);
        if (options.MaxBodyBytes <= 0)
        {
            throw new ArgumentException("ClerkWebhookOptions.MaxBodyBytes must be positive.", nameof(configure));
        }
        var services = endpoints.ServiceProvider;
        var secret = FirstNonEmpty(
            options.SigningSecret,
            services.GetService<IConfiguration>()?[SigningSecretConfigurationKey],
            Environment.GetEnvironmentVariable("CLERK_WEBHOOK_SECRET"),
            Environment.GetEnvironmentVariable("CLERK_WEBHOOK_SIGNING_SECRET"))
            ?? throw new InvalidOperationException(
                $"MapClerkWebhooks(\"{pattern}\") needs the endpoint's signing secret (whsec_..., Clerk Dashboard → Webhooks): set {SigningSecretConfigurationKey}, the CLERK_WEBHOOK_SECRET environment variable, or ClerkWebhookOptions.SigningSecret.");
        var verifier = new ClerkWebhookVerifier(secret, options.Tolerance, services.GetService<TimeProvider>());
        var logger = (services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("Clerk.AspNetCore.Webhooks");
        var endpoint = new ClerkWebhookEndpoint(options, verifier, logger);
        return endpoints.MapPost(pattern, (RequestDelegate)endpoint.HandleAsync)
            .AllowAnonymous()
            .WithDisplayName($"Clerk webhooks {pattern}");
    }

    /// <summary>Maps a webhook endpoint whose handlers are all <see cref="IClerkWebhookHandler{TData}"/> services (see the other overload).</summary>
    /// <param name="endpoints">The route builder (the app).</param>
    /// <param name="pattern">The route, e.g. <c>/webhooks/clerk</c>.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static IEndpointConventionBuilder MapClerkWebhooks(this IEndpointRouteBuilder endpoints, string pattern) =>
        endpoints.MapClerkWebhooks(pattern, null);

    private static string? FirstNonEmpty(params string?[] values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }
        return null;
    }
}
