using System;
using System.Linq;

namespace Clerk;

/// <summary>Checks a secret key's shape without ever putting the key in a message.</summary>
internal static class SecretKeyValidator
{
    public static string Validate(string? secretKey)
    {
        if (string.IsNullOrWhiteSpace(secretKey))
        {
            throw new ClerkConfigurationException("A Clerk secret key is required: set ClerkClientOptions.SecretKey or the CLERK_SECRET_KEY environment variable (it starts with sk_test_ or sk_live_).");
        }
        if (!(secretKey.StartsWith("sk_test_", StringComparison.Ordinal) || secretKey.StartsWith("sk_live_", StringComparison.Ordinal)) || secretKey.Length <= "sk_test_".Length)
        {
            throw new ClerkConfigurationException($"The Clerk secret key is malformed: it must start with sk_test_ or sk_live_ followed by the key ({secretKey.Length} characters given; the value is not shown). A publishable key (pk_...) does not work here.");
        }
        // Keys are printable ASCII; anything else (a trailing newline, a zero-width space or a non-ASCII letter
        // copied along with the key) could not even be sent as a header.
        if (!IsPrintableAscii(secretKey))
        {
            throw new ClerkConfigurationException("The Clerk secret key is malformed: it contains whitespace, control or non-ASCII characters (check for a trailing newline or invisible characters copied with the key; the value is not shown).");
        }
        return secretKey;
    }

    /// <summary>Checks a machine secret key (<c>ak_...</c>).</summary>
    public static string ValidateMachine(string? machineSecretKey, string setting)
    {
        if (string.IsNullOrWhiteSpace(machineSecretKey) || !machineSecretKey.StartsWith("ak_", StringComparison.Ordinal) || machineSecretKey.Length <= "ak_".Length)
        {
            throw new ClerkConfigurationException($"{setting} is malformed: a machine secret key starts with ak_ followed by the key ({machineSecretKey?.Length ?? 0} characters given; the value is not shown).");
        }
        if (!IsPrintableAscii(machineSecretKey))
        {
            throw new ClerkConfigurationException($"{setting} is malformed: it contains whitespace, control or non-ASCII characters (the value is not shown).");
        }
        return machineSecretKey;
    }

    /// <summary>Keys are printable ASCII; anything else was copied along with the key and could not be sent as a header.</summary>
    private static bool IsPrintableAscii(string key) => !key.Any(c => c is <= ' ' or > '~');

    /// <summary>Whether a key is a machine secret key (<c>ak_...</c>) rather than a secret key.</summary>
    public static bool IsMachineKey(string key) => key.StartsWith("ak_", StringComparison.Ordinal);
}
