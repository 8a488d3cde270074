using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Clerk.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Sdk.Tests.Webhooks;

/// <summary>Svix's published test vector and helpers to build signed webhooks.</summary>
internal static class WebhookFixture
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    public const long Timestamp = 1614265330;
    public const string Body = "{\"test\": 2432232314}";
    public const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    public static FakeTimeProvider ClockAt(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    public static ClerkWebhookVerifier Verifier(long now = Timestamp, string secret = Secret) => new(secret, timeProvider: ClockAt(now));

    public static Dictionary<string, string> Headers(string id = MessageId, long timestamp = Timestamp, string signature = Signature, string prefix = "svix") => new()
    {
        [$"{prefix}-id"] = id,
        [$"{prefix}-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{prefix}-signature"] = signature,
    };

    /// <summary>A reference signature, for payloads the peer library is not asked about (our own cross-check).</summary>
    public static string Sign(string secret, string id, string timestamp, byte[] body)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message, prefix.Length);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }
}
