using System;
using System.Text;

namespace Clerk.Authentication;

/// <summary>Reads the Frontend API host from a publishable key (<c>pk_test_</c>/<c>pk_live_</c> + base64 of <c>host$</c>).</summary>
internal static class PublishableKey
{
    public static string FrontendApiUrl(string publishableKey)
    {
        var parts = publishableKey.Split('_');
        if (parts.Length != 3 || parts[0] != "pk" || (parts[1] != "test" && parts[1] != "live") || parts[2].Length == 0)
        {
            throw Malformed();
        }
        string decoded;
        try
        {
            var text = parts[2].Replace('-', '+').Replace('_', '/');
            text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            throw Malformed();
        }
        if (!decoded.EndsWith('$') || decoded[..^1].Contains('$', StringComparison.Ordinal) || !decoded.Contains('.', StringComparison.Ordinal))
        {
            throw Malformed();
        }
        var host = decoded[..^1];
        if (Uri.CheckHostName(host) != UriHostNameType.Dns)
        {
            throw Malformed();
        }
        return "https://" + host;
    }

    private static ClerkConfigurationException Malformed() =>
        new("ClerkTokenVerifierOptions.PublishableKey is not a Clerk publishable key (pk_test_... or pk_live_... with the encoded Frontend API host).");
}
