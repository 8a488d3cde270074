using System;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace Clerk.Sdk.AspNetCore.Tests.TestKit;

/// <summary>Signs webhooks as Svix does for Clerk: HMAC-SHA256 over <c>id.timestamp.body</c> with the decoded secret.</summary>
internal static class Webhooks
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static string UserCreated(string userId = "user_29w83sxmDNGwOuEthce5gg56FcC") => $$"""
        {
          "type": "user.created",
          "object": "event",
          "instance_id": "ins_123",
          "timestamp": 1654012591835,
          "data": { "id": "{{userId}}", "object": "user", "first_name": "Example", "email_addresses": [], "created_at": 1654012591514 }
        }
        """;

    public const string UnknownEvent = """{ "type": "galaxy.created", "object": "event", "timestamp": 1654012591835, "data": { "id": "gal_1" } }""";

    public static string Signature(string id, long timestamp, byte[] body, string secret = Secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message, prefix.Length);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }

    /// <summary>A POST of <paramref name="body"/> signed now (or at <paramref name="timestamp"/>); <paramref name="sendBody"/> replaces the body after signing (tampering).</summary>
    public static HttpRequestMessage Request(string path, string body, long? timestamp = null, string? sendBody = null, string secret = Secret)
    {
        var ts = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        const string id = "msg_2test";
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(sendBody ?? body, Encoding.UTF8, "application/json") };
        request.Headers.Add("svix-id", id);
        request.Headers.Add("svix-timestamp", ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("svix-signature", Signature(id, ts, Encoding.UTF8.GetBytes(body), secret));
        return request;
    }
}
