using System;
using System.Linq;
using Clerk.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clerk.DependencyInjection;

/// <summary>Binds the <c>Clerk</c> configuration section and the <c>CLERK_*</c> environment variables to the SDK's options.</summary>
internal static class ClerkConfiguration
{
    internal const string SecretKeyVariable = "CLERK_SECRET_KEY";
    internal const string ApiUrlVariable = "CLERK_API_URL";
    internal const string ApiVersionVariable = "CLERK_API_VERSION";
    internal const string JwtKeyVariable = "CLERK_JWT_KEY";
    internal const string PublishableKeyVariable = "CLERK_PUBLISHABLE_KEY";

    /// <summary>The <c>Clerk</c> child section when there is one, else the configuration itself.</summary>
    public static IConfiguration SectionOf(IConfiguration configuration)
    {
        var child = configuration.GetSection(ClerkServiceCollectionExtensions.ConfigurationSectionName);
        return child.Exists() ? child : configuration;
    }

    /// <summary>The lowest-priority source: environment variables, applied before any configuration or code.</summary>
    public static void ApplyEnvironment(ClerkClientOptions options)
    {
        if (Variable(SecretKeyVariable) is { } secretKey) options.SecretKey = secretKey;
        if (Variable(ApiUrlVariable) is { } apiUrl) options.ApiUrl = apiUrl;
        if (Variable(ApiVersionVariable) is { } apiVersion) options.ApiVersion = apiVersion;
    }

    /// <summary>The lowest-priority source of the token verifier's options.</summary>
    public static void ApplyEnvironment(ClerkTokenVerifierOptions options)
    {
        if (Variable(JwtKeyVariable) is { } jwtKey) options.JwtKey = jwtKey;
        if (Variable(PublishableKeyVariable) is { } publishableKey) options.PublishableKey = publishableKey;
    }

    /// <summary>Binds the client options: every property by name; the API URL from <c>ApiUrl</c>, else the old <c>BaseUrl</c>.</summary>
    public static void Bind(IConfiguration section, ClerkClientOptions options)
    {
        var (secretKey, apiUrl, apiVersion) = (options.SecretKey, options.ApiUrl, options.ApiVersion);
        section.Bind(options);
        // An empty value (a placeholder "SecretKey": "" in appsettings.json) means unset: the environment fallback stays.
        options.SecretKey = NonEmpty(options.SecretKey) ?? secretKey;
        options.ApiUrl = NonEmpty(section["ApiUrl"]) ?? NonEmpty(section["BaseUrl"]) ?? apiUrl;
        options.ApiVersion = NonEmpty(options.ApiVersion) ?? apiVersion;
    }

    /// <summary>Binds the token verifier's options; lists given in configuration replace the defaults, and may be one comma-separated string.</summary>
    public static void Bind(IConfiguration section, ClerkTokenVerifierOptions options)
    {
        if (section.GetSection(nameof(ClerkTokenVerifierOptions.AllowedAlgorithms)).Exists())
        {
            options.AllowedAlgorithms.Clear();
        }
        var (jwtKey, publishableKey, issuer) = (options.JwtKey, options.PublishableKey, options.Issuer);
        section.Bind(options);
        options.JwtKey = NonEmpty(options.JwtKey) ?? jwtKey;
        options.PublishableKey = NonEmpty(options.PublishableKey) ?? publishableKey;
        options.Issuer = NonEmpty(options.Issuer) ?? issuer;
        AddListValue(section[nameof(ClerkTokenVerifierOptions.AuthorizedParties)], options.AuthorizedParties);
        AddListValue(section[nameof(ClerkTokenVerifierOptions.AllowedAlgorithms)], options.AllowedAlgorithms);
        AddListValue(section[nameof(ClerkTokenVerifierOptions.Audience)], options.Audience);
    }

    private static void AddListValue(string? value, System.Collections.Generic.ICollection<string> list)
    {
        // A scalar (e.g. Clerk__AuthorizedParties="https://a.example,https://b.example") rather than an indexed list.
        foreach (var item in (value ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!list.Contains(item))
            {
                list.Add(item);
            }
        }
    }

    private static string? Variable(string name) => NonEmpty(Environment.GetEnvironmentVariable(name));

    // Not trimmed: a key with a stray newline fails validation with a message that says so, rather than being fixed silently.
    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
