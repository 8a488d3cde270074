using System;
using System.Collections.Generic;
using Clerk.Http;
using Microsoft.Extensions.Options;

namespace Clerk.DependencyInjection;

/// <summary>
/// Validates <see cref="ClerkClientOptions"/> registered by <c>AddClerk</c> when the host starts: the secret key (present,
/// <c>sk_test_</c>/<c>sk_live_</c>, printable), the API URL, the API version, timeout and retry policy. Messages never
/// contain the secret key.
/// </summary>
internal sealed class ClerkClientOptionsValidator : IValidateOptions<ClerkClientOptions>
{
    public ValidateOptionsResult Validate(string? name, ClerkClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(failures, () => SecretKeyValidator.Validate(options.SecretKey), "Clerk:SecretKey (or CLERK_SECRET_KEY)");
        Check(failures, () => ClerkClient.NormalizeBaseUrl(options.ApiUrl), "Clerk:ApiUrl (ClerkClientOptions.ApiUrl, or CLERK_API_URL)");
        if (string.IsNullOrWhiteSpace(options.ApiVersion))
        {
            failures.Add($"Clerk:ApiVersion must not be empty (default {ClerkClientOptions.DefaultApiVersion}).");
        }
        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            failures.Add("Clerk:Timeout must be positive (the overall timeout of one call; default 100 s).");
        }
        if (options.MaxResponseBodyBytes <= 0)
        {
            failures.Add("Clerk:MaxResponseBodyBytes must be positive.");
        }
        Check(failures, () => options.Retry.Validate(), "Clerk:Retry");
        if (options.HttpClient is not null)
        {
            failures.Add("ClerkClientOptions.HttpClient is not used with AddClerk: the HttpClient comes from IHttpClientFactory. Add handlers with AddClerk(...).AddHttpMessageHandler<T>(), or set ClerkClientOptions.HttpMessageHandler for the transport.");
        }
        if (failures.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }
        // Belt and braces: no message may carry the key, whatever a check wrote (e.g. a key pasted into the URL setting).
        var secret = options.SecretKey;
        return ValidateOptionsResult.Fail(failures.ConvertAll(f => string.IsNullOrEmpty(secret) ? f : f.Replace(secret, "<secret key>", StringComparison.Ordinal)));
    }

    private static void Check(List<string> failures, Action check, string setting)
    {
        try
        {
            check();
        }
        catch (ClerkConfigurationException ex)
        {
            failures.Add($"{setting}: {ex.Message}");
        }
    }
}
