using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace Clerk.Testing;

/// <summary>
/// Signs webhook payloads as Clerk (through Svix) sends them, for tests of your own webhook endpoint: the
/// <c>svix-id</c>, <c>svix-timestamp</c> and <c>svix-signature</c> headers (<c>v1,</c> and the base64 HMAC-SHA256 of
/// <c>{id}.{timestamp}.{body}</c> with the secret's key). <see cref="Webhooks.ClerkWebhookVerifier"/> and Svix's own
/// libraries accept what it signs. The secret never appears in <see cref="ToString"/>.
/// </summary>
public sealed class ClerkWebhookSigner
{
    private const string SecretPrefix = "whsec_";
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <summary>Creates a signer for a webhook signing secret.</summary>
    /// <param name="signingSecret">The endpoint's secret (<c>whsec_</c> and base64), as your endpoint's verifier has it.</param>
    /// <param name="timeProvider">The clock of <c>svix-timestamp</c> (default the system clock).</param>
    /// <exception cref="ArgumentException">The secret is not <c>whsec_</c> followed by base64.</exception>
    public ClerkWebhookSigner(string signingSecret, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        var encoded = signingSecret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? signingSecret[SecretPrefix.Length..] : signingSecret;
        try
        {
            _key = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            throw new ArgumentException("The webhook signing secret must be whsec_ followed by base64 (the value is not shown).", nameof(signingSecret));
        }
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>A new random signing secret (<c>whsec_</c> and 24 random bytes in base64), for a test that owns its endpoint's configuration.</summary>
    /// <returns>The secret.</returns>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// <summary>The headers Clerk sends with <paramref name="body"/>.</summary>
    /// <param name="body">The exact JSON body to send.</param>
    /// <param name="messageId">The message id (<c>svix-id</c>); default a new <c>msg_...</c>.</param>
    /// <param name="timestamp">The send time (<c>svix-timestamp</c>); default now.</param>
    /// <returns>The three headers, by name.</returns>
    public IReadOnlyDictionary<string, string> Sign(string body, string? messageId = null, DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var id = messageId ?? "msg_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var seconds = (timestamp ?? _time.GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{id}.{seconds}.{body}")));
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["svix-id"] = id,
            ["svix-timestamp"] = seconds,
            ["svix-signature"] = "v1," + signature,
        };
    }

    /// <summary>A <c>POST</c> of <paramref name="body"/> to <paramref name="url"/> with the signed headers, as Clerk delivers an event.</summary>
    /// <param name="url">Your webhook endpoint (absolute, or relative to an HttpClient's base address).</param>
    /// <param name="body">The exact JSON body.</param>
    /// <param name="messageId">The message id; default a new one.</param>
    /// <param name="timestamp">The send time; default now.</param>
    /// <returns>The request; the caller disposes it.</returns>
    public HttpRequestMessage CreateRequest(Uri url, string body, string? messageId = null, DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in Sign(body, messageId, timestamp)) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    /// <summary>Describes the signer without its secret.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => "ClerkWebhookSigner(secret not shown)";
}
