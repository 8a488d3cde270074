using System;
using System.Text;

namespace Clerk;

/// <summary>
/// A Clerk publishable key (<c>pk_test_...</c> / <c>pk_live_...</c>): base64 of the instance's Frontend API host followed
/// by <c>$</c>. Decoding gives the Frontend API URL, so a native app needs nothing else to find its instance.
/// </summary>
public sealed class PublishableKey
{
    private PublishableKey(string value, bool isLive, string frontendApiHost)
    {
        Value = value;
        IsLive = isLive;
        FrontendApiHost = frontendApiHost;
    }

    /// <summary>The key as given.</summary>
    public string Value { get; }

    /// <summary>True for a production key (<c>pk_live_</c>), false for a development key (<c>pk_test_</c>).</summary>
    public bool IsLive { get; }

    /// <summary>The Frontend API host, e.g. <c>clerk.example.com</c> or <c>example-destined-camel-13.clerk.accounts.dev</c>.</summary>
    public string FrontendApiHost { get; }

    /// <summary>The Frontend API base URL: <c>https://{host}</c>.</summary>
    public Uri FrontendApiUrl => new($"https://{FrontendApiHost}");

    /// <summary>Decodes a publishable key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The decoded key.</returns>
    /// <exception cref="ClerkConfigurationException">The key is not a Clerk publishable key; the message says why.</exception>
    public static PublishableKey Parse(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ClerkConfigurationException("A Clerk publishable key is required: set it in the options or CLERK_PUBLISHABLE_KEY (it starts with pk_test_ or pk_live_).");
        }
        bool live;
        if (key.StartsWith("pk_live_", StringComparison.Ordinal)) live = true;
        else if (key.StartsWith("pk_test_", StringComparison.Ordinal)) live = false;
        else throw new ClerkConfigurationException($"The Clerk publishable key must start with pk_test_ or pk_live_ (it starts with '{Prefix(key)}'). A secret key (sk_...) does not belong in a frontend client.");

        var encoded = key[8..];
        string decoded;
        try
        {
            // Clerk writes the base64 with or without '=' padding: accept both.
            var padded = encoded.PadRight(encoded.Length + ((4 - (encoded.Length % 4)) % 4), '=');
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            throw new ClerkConfigurationException("The Clerk publishable key is malformed: the part after pk_test_/pk_live_ is not base64.");
        }
        if (!decoded.EndsWith('$'))
        {
            throw new ClerkConfigurationException("The Clerk publishable key is malformed: its decoded value does not end with '$'.");
        }
        var host = decoded[..^1];
        if (host.Length == 0 || Uri.CheckHostName(host) is not (UriHostNameType.Dns or UriHostNameType.IPv4) || host.Contains('$'))
        {
            throw new ClerkConfigurationException("The Clerk publishable key is malformed: it does not hold a Frontend API host name.");
        }
        return new PublishableKey(key, live, host);
    }

    /// <summary>The key (publishable keys are public).</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Value;

    private static string Prefix(string key) => key.Length <= 8 ? key : key[..8];
}
