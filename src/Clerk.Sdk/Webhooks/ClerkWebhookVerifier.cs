using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Webhooks;

/// <summary>
/// Verifies Clerk webhooks exactly as Svix specifies: HMAC-SHA256 over <c>{svix-id}.{svix-timestamp}.{body}</c> with
/// the decoded signing secret, any of the space-separated <c>v1,&lt;base64&gt;</c> signatures may match (compared in
/// constant time), and the timestamp must be within <see cref="Tolerance"/> of now (default 5 minutes either way).
/// Thread-safe; create one per signing secret and reuse it.
/// </summary>
public sealed class ClerkWebhookVerifier
{
    /// <summary>The default timestamp tolerance, either way.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const string SecretPrefix = "whsec_";
    private const string SignaturePrefix = "v1,";
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier.</summary>
    /// <param name="signingSecret">The endpoint's signing secret: <c>whsec_</c> + base64, or the base64 alone.</param>
    /// <param name="tolerance">How far the timestamp may be from now, either way (default 5 minutes).</param>
    /// <param name="timeProvider">The clock (a fake one in tests); default the system clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="signingSecret"/> is null.</exception>
    /// <exception cref="ClerkConfigurationException">The secret is empty or not base64 (its value is not shown).</exception>
    public ClerkWebhookVerifier(string signingSecret, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(signingSecret);
        var encoded = signingSecret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? signingSecret[SecretPrefix.Length..] : signingSecret;
        try
        {
            _key = encoded.Length == 0 ? throw new FormatException() : Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            throw new ClerkConfigurationException($"The webhook signing secret is not valid: expected whsec_ followed by base64 ({signingSecret.Length} characters given; the value is not shown).");
        }
        Tolerance = tolerance ?? DefaultTolerance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How far a webhook's timestamp may be from now, either way.</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>Verifies a webhook given its raw body and a header lookup.</summary>
    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="header">Returns a header's value by name (case-insensitive), or null.</param>
    /// <exception cref="ClerkWebhookException">The webhook is not authentic; <see cref="ClerkWebhookException.Reason"/> says why.</exception>
    public void Verify(ReadOnlySpan<byte> body, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var (id, timestamp, signatures) = ClerkWebhookHeaders.Read(header);
        CheckTimestamp(timestamp);
        var expected = Sign(id, timestamp, body);
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!entry.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                continue; // an entry without a version, or another scheme (v1a, v2): not ours to check
            }
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entry[SignaturePrefix.Length..]), expected))
            {
                return;
            }
        }
        throw new ClerkWebhookException(ClerkWebhookFailure.NoMatchingSignature, "No v1 signature in the svix-signature header matches the body: the webhook is not from Clerk or was changed in transit.");
    }

    /// <summary>Verifies a webhook given its raw body (UTF-8 text) and headers.</summary>
    /// <param name="body">The raw body as text; it is signed as UTF-8 bytes.</param>
    /// <param name="headers">The request headers.</param>
    /// <exception cref="ClerkWebhookException">The webhook is not authentic.</exception>
    public void Verify(string body, IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(headers);
        Verify(Encoding.UTF8.GetBytes(body), ClerkWebhookHeaders.From(headers));
    }

    /// <summary>Verifies a webhook given its raw body bytes and headers.</summary>
    /// <param name="body">The raw body bytes.</param>
    /// <param name="headers">The request headers.</param>
    /// <exception cref="ClerkWebhookException">The webhook is not authentic.</exception>
    public void Verify(byte[] body, IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(headers);
        Verify(body, ClerkWebhookHeaders.From(headers));
    }

    /// <summary>Verifies a webhook given its raw body and multi-valued headers (e.g. from HttpHeaders).</summary>
    /// <param name="body">The raw body as text; it is signed as UTF-8 bytes.</param>
    /// <param name="headers">The request headers.</param>
    /// <exception cref="ClerkWebhookException">The webhook is not authentic.</exception>
    public void Verify(string body, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(headers);
        Verify(Encoding.UTF8.GetBytes(body), ClerkWebhookHeaders.From(headers));
    }

    /// <summary>Verifies a webhook request and returns its body.</summary>
    /// <param name="request">The incoming request (body and headers).</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The raw body bytes.</returns>
    /// <exception cref="ClerkWebhookException">The webhook is not authentic.</exception>
    public async Task<byte[]> VerifyAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var requestHeaders = ClerkWebhookHeaders.From(request.Headers);
        Func<string, string?> header = request.Content is null
            ? requestHeaders
            : name => requestHeaders(name) ?? ClerkWebhookHeaders.From(request.Content.Headers)(name);
        Verify(body, header);
        return body;
    }

    /// <summary>Verifies a webhook and parses it into a typed event in one call.</summary>
    /// <param name="body">The raw body as text.</param>
    /// <param name="headers">The request headers.</param>
    /// <returns>The event: a <see cref="ClerkWebhookEvent{TData}"/> for a known type, else an untyped one.</returns>
    /// <exception cref="ClerkWebhookException">The webhook is not authentic or not an event.</exception>
    public ClerkWebhookEvent VerifyAndParse(string body, IEnumerable<KeyValuePair<string, string>> headers)
    {
        Verify(body, headers);
        return ClerkWebhookEvent.Parse(body);
    }

    /// <summary>Verifies a webhook request and parses it into a typed event in one call.</summary>
    /// <param name="request">The incoming request.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ClerkWebhookException">The webhook is not authentic or not an event.</exception>
    public async Task<ClerkWebhookEvent> VerifyAndParseAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        var body = await VerifyAsync(request, cancellationToken).ConfigureAwait(false);
        return ClerkWebhookEvent.Parse(Encoding.UTF8.GetString(body));
    }

    /// <summary>A description without the secret.</summary>
    /// <returns>The tolerance.</returns>
    public override string ToString() => $"ClerkWebhookVerifier(tolerance {Tolerance.TotalSeconds:0} s, secret hidden)";

    private void CheckTimestamp(string timestamp)
    {
        // Canonical seconds only: digits (NumberStyles.None: no sign, spaces, separators or fraction), within Int64, and
        // no leading zero (which NumberStyles.None would take). ClerkWebhookHeaders.Read has refused an empty value.
        var canonical = timestamp == "0" || timestamp[0] != '0';
        if (!canonical || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new ClerkWebhookException(ClerkWebhookFailure.InvalidTimestamp, "The svix-timestamp header is not a canonical Unix time in seconds.");
        }
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var tolerance = (long)Tolerance.TotalSeconds;
        if (seconds < now - tolerance)
        {
            throw new ClerkWebhookException(ClerkWebhookFailure.TimestampTooOld, $"The webhook timestamp is {now - seconds} s old; at most {tolerance} s is accepted (a replay, or a clock behind).");
        }
        if (seconds > now + tolerance)
        {
            throw new ClerkWebhookException(ClerkWebhookFailure.TimestampTooNew, $"The webhook timestamp is {seconds - now} s in the future; at most {tolerance} s is accepted.");
        }
    }

    private byte[] Sign(string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Encoding.ASCII.GetBytes(Convert.ToBase64String(HMACSHA256.HashData(_key, message)));
    }
}
