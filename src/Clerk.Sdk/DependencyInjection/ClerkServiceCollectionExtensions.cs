using System;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using Clerk;
using Clerk.Authentication;
using Clerk.DependencyInjection;
using Clerk.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the Clerk SDK in a service collection: <see cref="ClerkClient"/>, every resource client interface
/// (<c>IUsersClient</c>, <c>ISessionsClient</c>, ...) and <see cref="ClerkTokenVerifier"/>, all singletons, sending through a
/// named <c>IHttpClientFactory</c> client (<see cref="HttpClientName"/>).
/// <para>
/// Handler order of every call, outermost first: the factory's logging scope, the SDK's diagnostics (overall timeout,
/// span), the SDK's retries, <b>then your handlers</b> (<c>AddClerk(...).AddHttpMessageHandler&lt;T&gt;()</c>, in the order
/// added), the factory's per-request logging, and the transport. Your handlers therefore run once per attempt and see
/// each attempt's request (with the Clerk headers) and response; the factory's "LogicalHandler" log shows the final outcome.
/// </para>
/// <para>
/// <see cref="ClerkClient"/> is a singleton that takes the factory's current handler chain for every request, so it can be
/// injected anywhere (singletons and hosted services included) while handler lifetime (rotation every
/// <c>HandlerLifetime</c>, default 2 minutes), DNS refresh and your handlers work as for any factory client.
/// </para>
/// </summary>
public static class ClerkServiceCollectionExtensions
{
    /// <summary>The name of the <c>IHttpClientFactory</c> client the SDK sends through: <c>IHttpClientFactory.CreateClient("Clerk")</c> gives an HttpClient with the SDK's pipeline.</summary>
    public const string HttpClientName = "Clerk";

    /// <summary>The configuration section <see cref="AddClerk(IServiceCollection, IConfiguration)"/> looks for when given the configuration root.</summary>
    public const string ConfigurationSectionName = "Clerk";

    /// <summary>
    /// Registers the Clerk SDK configured in code. Unset values fall back to the environment: <c>CLERK_SECRET_KEY</c>,
    /// <c>CLERK_API_URL</c>, <c>CLERK_API_VERSION</c>, and for the token verifier <c>CLERK_JWT_KEY</c> and
    /// <c>CLERK_PUBLISHABLE_KEY</c>. The options are validated when the host starts (missing or malformed secret key, malformed
    /// URL), with messages that never contain the key.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the client options (secret key, <see cref="ClerkClientOptions.ApiUrl"/>, retries, timeout).</param>
    /// <returns>The builder of the SDK's named HttpClient: add your handlers with <c>AddHttpMessageHandler</c> (they run once per attempt, inside the SDK's retries).</returns>
    public static IHttpClientBuilder AddClerk(this IServiceCollection services, Action<ClerkClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddClerk(services, configure, null);
    }

    /// <summary>Registers the Clerk SDK configured in code, with the token verifier's options (see <see cref="AddClerk(IServiceCollection, Action{ClerkClientOptions})"/>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the client options.</param>
    /// <param name="configureTokenVerifier">Sets the token verifier's options (<see cref="ClerkTokenVerifierOptions.JwtKey"/>, <see cref="ClerkTokenVerifierOptions.AuthorizedParties"/>, ...); may be null.</param>
    /// <returns>The builder of the SDK's named HttpClient.</returns>
    public static IHttpClientBuilder AddClerk(this IServiceCollection services, Action<ClerkClientOptions> configure, Action<ClerkTokenVerifierOptions>? configureTokenVerifier)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = AddCore(services);
        services.Configure(configure);
        if (configureTokenVerifier is not null)
        {
            services.Configure(configureTokenVerifier);
        }
        return builder;
    }

    /// <summary>
    /// Registers the Clerk SDK from configuration: the <c>Clerk</c> section of <paramref name="configuration"/> when it has one,
    /// else <paramref name="configuration"/> itself (so both <c>AddClerk(builder.Configuration)</c> and
    /// <c>AddClerk(builder.Configuration.GetSection("Clerk"))</c> work). Keys: <c>SecretKey</c>, <c>ApiUrl</c> (a host-only URL
    /// means <c>/v1</c>), <c>ApiVersion</c>, <c>Timeout</c>, <c>Retry</c> (<c>MaxRetries</c>, <c>BaseDelay</c>, ...),
    /// <c>MaxResponseBodyBytes</c>, and for the token verifier <c>JwtKey</c>, <c>PublishableKey</c>, <c>Issuer</c>,
    /// <c>AuthorizedParties</c> (a list, or one comma-separated string), <c>ClockSkew</c>, <c>AcceptedTokenTypes</c>, ....
    /// Unset values fall back to the environment as in <see cref="AddClerk(IServiceCollection, Action{ClerkClientOptions})"/>;
    /// the options are validated when the host starts.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The <c>Clerk</c> section, or a configuration that contains it.</param>
    /// <returns>The builder of the SDK's named HttpClient: add your handlers with <c>AddHttpMessageHandler</c> (they run once per attempt, inside the SDK's retries).</returns>
    public static IHttpClientBuilder AddClerk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = ClerkConfiguration.SectionOf(configuration);
        var builder = AddCore(services);
        services.AddOptions<ClerkClientOptions>().Configure(options => ClerkConfiguration.Bind(section, options));
        services.AddOptions<ClerkTokenVerifierOptions>().Configure(options => ClerkConfiguration.Bind(section, options));
        return builder;
    }

    /// <summary>
    /// Once per collection, before any caller's configuration (so the environment is the lowest-priority source): environment
    /// defaults, validation, DI-provided logging and clock, the named HttpClient and the services. Services the application
    /// registered before (e.g. a fake <see cref="ClerkClient"/>) are kept.
    /// </summary>
    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        var builder = services.AddHttpClient(HttpClientName);
        if (services.Any(d => d.ServiceType == typeof(ClerkServicesMarker)))
        {
            return builder;
        }
        services.AddSingleton<ClerkServicesMarker>();
        services.AddOptions<ClerkClientOptions>()
            .Configure(ClerkConfiguration.ApplyEnvironment)
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                if (ReferenceEquals(options.TimeProvider, TimeProvider.System) && provider.GetService<TimeProvider>() is { } time)
                {
                    options.TimeProvider = time;
                }
            })
            .ValidateOnStart();
        services.AddOptions<ClerkTokenVerifierOptions>()
            .Configure(ClerkConfiguration.ApplyEnvironment)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClerkClientOptions>, ClerkClientOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClerkTokenVerifierOptions>, ClerkTokenVerifierOptionsValidator>());

        // The pipeline owns timeouts (overall and per try), so HttpClient's own 100 s timeout is off.
        builder.ConfigureHttpClient(http => http.Timeout = System.Threading.Timeout.InfiniteTimeSpan);
        builder.ConfigurePrimaryHttpMessageHandler(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ClerkClientOptions>>().Value;
            return options.HttpMessageHandler is { } transport ? new NonDisposingHandler(transport) : ClerkHttpPipeline.CreateTransport();
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ClerkHttpMessageHandlerFilter>());

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ClerkClientOptions>>().Value;
            var http = new HttpClient(new ClerkFactoryHandler(provider.GetRequiredService<IHttpMessageHandlerFactory>(), HttpClientName), disposeHandler: true);
            foreach (var action in provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(HttpClientName).HttpClientActions)
            {
                action(http);
            }
            return new ClerkClient(http, options);
        });
        foreach (var property in ResourceProperties())
        {
            services.TryAdd(ServiceDescriptor.Singleton(property.PropertyType, provider => property.GetValue(provider.GetRequiredService<ClerkClient>())!));
        }
        services.TryAddSingleton(provider => new ClerkTokenVerifier(
            provider.GetRequiredService<ClerkClient>(),
            provider.GetRequiredService<IOptions<ClerkTokenVerifierOptions>>().Value));
        return builder;
    }

    /// <summary>The resource properties of <see cref="ClerkClient"/> (<c>Users</c> → <c>IUsersClient</c>, ...): public, typed as a Backend API interface.</summary>
    private static PropertyInfo[] ResourceProperties() => typeof(ClerkClient)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType.IsInterface && p.PropertyType.Namespace == "Clerk.BackendApi" && p.GetIndexParameters().Length == 0)
        .ToArray();
}
