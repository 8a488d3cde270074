using System;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Clerk;

/// <summary>
/// A Clerk publishable key (<c>pk_test_...</c> for a development instance, <c>pk_live_...</c> for a production one):
/// the prefix, then base64 of the instance's Frontend API host followed by <c>$</c>. Decoding it gives the Frontend API
/// URL, so a native app needs nothing else to find its instance, and a token verifier knows the only <c>iss</c> to accept.
/// The one parser of the SDK: the token verifier (<see cref="Authentication.ClerkTokenVerifierOptions.PublishableKey"/>),
/// the Frontend API client (<see cref="ClerkFrontendClientOptions.PublishableKey"/>) and the test fake all use it.
/// </summary>
/// <remarks>
/// Accepted: <c>pk_test_</c> or <c>pk_live_</c> (exactly, lower case), then standard base64 (<c>A-Z a-z 0-9 + /</c>; the
/// <c>=</c> padding may be left out, as Clerk does) of printable ASCII that ends with the only <c>$</c>; before it, a host
/// name of at least two dot-separated labels of letters, digits and inner hyphens (e.g. <c>clerk.example.com</c>,
/// <c>example-destined-camel-13.clerk.accounts.dev</c>): no scheme, port, path, spaces or trailing dot. Whitespace around
/// the key (a trailing newline read from a file) is ignored. Anything else is rejected with a message that says why;
/// messages never repeat the value.
/// </remarks>
public sealed class PublishableKey
{
    /// <summary>The prefix of a development instance's key.</summary>
    public const string TestPrefix = "pk_test_";

    /// <summary>The prefix of a production instance's key.</summary>
    public const string LivePrefix = "pk_live_";

    private const string DefaultSubject = "The Clerk publishable key";
    private const int MaxHostLength = 253;
    private const int MaxLabelLength = 63;

    private PublishableKey(string value, bool isLive, string frontendApiHost)
    {
        Value = value;
        IsLive = isLive;
        FrontendApiHost = frontendApiHost;
    }

    /// <summary>The key (without surrounding whitespace).</summary>
    public string Value { get; }

    /// <summary>True for a production instance's key (<c>pk_live_</c>).</summary>
    public bool IsLive { get; }

    /// <summary>True for a development instance's key (<c>pk_test_</c>).</summary>
    public bool IsTest => !IsLive;

    /// <summary>The Frontend API host, e.g. <c>clerk.example.com</c> or <c>example-destined-camel-13.clerk.accounts.dev</c>.</summary>
    public string FrontendApiHost { get; }

    /// <summary>The Frontend API base URL, <c>https://{host}</c>: the <c>iss</c> of the instance's session tokens.</summary>
    public Uri FrontendApiUrl => new("https://" + FrontendApiHost);

    /// <summary>Decodes a publishable key.</summary>
    /// <param name="key">The key (<c>pk_test_...</c> or <c>pk_live_...</c>).</param>
    /// <returns>The decoded key.</returns>
    /// <exception cref="ClerkConfigurationException">The key is missing or is not a Clerk publishable key; the message says why.</exception>
    public static PublishableKey Parse(string? key) => Parse(key, DefaultSubject);

    /// <summary>Decodes a publishable key, naming the setting it came from in the error message.</summary>
    /// <param name="key">The key.</param>
    /// <param name="setting">The setting, e.g. <c>ClerkTokenVerifierOptions.PublishableKey</c>.</param>
    /// <returns>The decoded key.</returns>
    /// <exception cref="ClerkConfigurationException">The key is missing or malformed.</exception>
    internal static PublishableKey ParseSetting(string? key, string setting) => Parse(key, $"{DefaultSubject} ({setting})");

    /// <summary>Decodes a publishable key without throwing.</summary>
    /// <param name="key">The key.</param>
    /// <param name="result">The decoded key, or null when <paramref name="key"/> is not a Clerk publishable key.</param>
    /// <returns>Whether <paramref name="key"/> is a Clerk publishable key.</returns>
    public static bool TryParse([NotNullWhen(true)] string? key, [NotNullWhen(true)] out PublishableKey? result)
    {
        result = Decode(key, out _);
        return result is not null;
    }

    /// <summary>
    /// Builds the publishable key of a Frontend API host, as Clerk writes it (base64 without <c>=</c> padding), e.g. for a
    /// test server.
    /// </summary>
    /// <param name="frontendApiHost">The host, e.g. <c>clerk.example.com</c> (no scheme, port or path).</param>
    /// <param name="isLive">True for a <c>pk_live_</c> key, false (default) for <c>pk_test_</c>.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The host is not a host name that a publishable key can hold.</exception>
    public static PublishableKey FromFrontendApiHost(string frontendApiHost, bool isLive = false)
    {
        ArgumentNullException.ThrowIfNull(frontendApiHost);
        if (HostProblem(frontendApiHost) is { } problem)
        {
            throw new ArgumentException($"The Frontend API host {problem}.", nameof(frontendApiHost));
        }
        var encoded = Convert.ToBase64String(Encoding.ASCII.GetBytes(frontendApiHost + "$")).TrimEnd('=');
        return new PublishableKey((isLive ? LivePrefix : TestPrefix) + encoded, isLive, frontendApiHost);
    }

    /// <summary>The key (publishable keys are public).</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;

    private static PublishableKey Parse(string? key, string subject) =>
        Decode(key, out var problem) ?? throw new ClerkConfigurationException($"{subject} {problem}");

    /// <summary>The decoded key, or null and what is wrong with it (a sentence after the subject; never the value).</summary>
    private static PublishableKey? Decode(string? key, out string problem)
    {
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(key))
        {
            problem = "is required: it starts with pk_test_ or pk_live_ (Clerk Dashboard, API keys; or the CLERK_PUBLISHABLE_KEY environment variable).";
            return null;
        }
        key = key.Trim();
        bool live;
        if (key.StartsWith(LivePrefix, StringComparison.Ordinal)) live = true;
        else if (key.StartsWith(TestPrefix, StringComparison.Ordinal)) live = false;
        else
        {
            problem = key.StartsWith("sk_", StringComparison.OrdinalIgnoreCase)
                ? "is a secret key (sk_...), which must never be used as a publishable key: the publishable key starts with pk_test_ or pk_live_ (the value is not shown)."
                : "must start with pk_test_ or pk_live_ (the value is not shown).";
            return null;
        }
        var encoded = key.AsSpan(TestPrefix.Length);
        if (encoded.IsEmpty)
        {
            problem = "is incomplete: nothing follows pk_test_/pk_live_.";
            return null;
        }
        if (DecodeBase64(encoded) is not { } bytes)
        {
            problem = "is malformed: the part after pk_test_/pk_live_ is not base64 (only A-Z, a-z, 0-9, + and /, optionally padded with =).";
            return null;
        }
        foreach (var b in bytes)
        {
            if (b is < 0x20 or > 0x7E)
            {
                problem = "is malformed: it does not decode to a Frontend API host name (the decoded value is not printable ASCII).";
                return null;
            }
        }
        var decoded = Encoding.ASCII.GetString(bytes);
        if (!decoded.EndsWith('$'))
        {
            problem = "is malformed: its decoded value does not end with '$' (a publishable key encodes '<Frontend API host>$').";
            return null;
        }
        var host = decoded[..^1];
        if (HostProblem(host) is { } hostProblem)
        {
            problem = $"is malformed: the Frontend API host it holds {hostProblem}.";
            return null;
        }
        return new PublishableKey(key, live, host);
    }

    /// <summary>Standard base64, '=' padding optional; null when it is not.</summary>
    private static byte[]? DecodeBase64(ReadOnlySpan<char> encoded)
    {
        var data = encoded.TrimEnd('=');
        if (encoded.Length - data.Length > 2 || data.Length % 4 == 1)
        {
            return null;
        }
        foreach (var c in data)
        {
            // Checked here because Convert.FromBase64String skips whitespace, and base64url's '-' and '_' are not Clerk's.
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
            {
                return null;
            }
        }
        var padded = string.Concat(data, new string('=', (4 - (data.Length % 4)) % 4));
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Why <paramref name="host"/> is not a plausible Frontend API host name (a phrase after "the host"), or null.</summary>
    private static string? HostProblem(string host)
    {
        if (host.Length == 0)
        {
            return "is empty";
        }
        if (host.Contains("://", StringComparison.Ordinal))
        {
            return "has a scheme (such as https://); only the host belongs there";
        }
        if (host.AsSpan().IndexOfAny('/', '?', '#') >= 0)
        {
            return "has a path, query or fragment; only the host belongs there";
        }
        foreach (var c in host)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return "contains whitespace or control characters";
            }
        }
        if (host.Contains(':', StringComparison.Ordinal))
        {
            return "has a port (or is not a host name); only the host belongs there";
        }
        if (host.Length > MaxHostLength)
        {
            return $"is longer than {MaxHostLength} characters";
        }
        if (!host.Contains('.', StringComparison.Ordinal))
        {
            return "has no '.' (a Frontend API host is a domain such as clerk.example.com)";
        }
        foreach (var label in host.Split('.'))
        {
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return "is not a valid host name (a domain such as clerk.example.com)";
            }
            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    return "is not a valid host name (only letters, digits, '-' and '.' are allowed)";
                }
            }
        }
        return null;
    }
}
