using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Clerk.Webhooks;

namespace Clerk.Sdk.Benchmarks;

/// <summary>
/// Webhook verification of one ~2 KB <c>user.created</c> event (Svix headers, one <c>v1</c> signature): a bare
/// HMAC-SHA256 over <c>id.timestamp.body</c> with a constant-time comparison (the floor), and
/// <see cref="ClerkWebhookVerifier"/> (headers, timestamp window, signature list), also with parsing
/// (<see cref="ClerkWebhookVerifier.VerifyAndParse"/>). Single-threaded: per core.
/// </summary>
[MemoryDiagnoser]
public class WebhookVerificationBenchmarks
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private ClerkWebhookVerifier _verifier = null!;
    private string _body = null!;
    private byte[] _bodyBytes = null!;
    private KeyValuePair<string, string>[] _headers = null!;
    private byte[] _key = null!;
    private string _id = null!;
    private string _timestamp = null!;
    private string _signature = null!;

    /// <summary>A <c>user.created</c> event: the benchmark user without its external account, phone number and private data (~2 KB).</summary>
    public static string EventBody()
    {
        var user = JsonNode.Parse(ClerkPayloads.UserJson())!.AsObject();
        foreach (var name in new[] { "external_accounts", "phone_numbers", "private_metadata", "unsafe_metadata" })
        {
            user[name] = name.EndsWith("metadata", StringComparison.Ordinal) ? new JsonObject() : new JsonArray();
        }
        var evt = new JsonObject
        {
            ["data"] = user,
            ["event_attributes"] = new JsonObject { ["http_request"] = new JsonObject { ["client_ip"] = "192.0.2.10", ["user_agent"] = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)" } },
            ["instance_id"] = "ins_2benchInstance000000000000",
            ["object"] = "event",
            ["timestamp"] = 1_716_883_200_000,
            ["type"] = "user.created",
        };
        return evt.ToJsonString();
    }

    [GlobalSetup]
    public void Setup()
    {
        _verifier = new ClerkWebhookVerifier(Secret, tolerance: TimeSpan.FromHours(12));
        _body = EventBody();
        _bodyBytes = Encoding.UTF8.GetBytes(_body);
        _key = Convert.FromBase64String(Secret["whsec_".Length..]);
        _id = "msg_2benchWebhookMessage0000000";
        _timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _signature = "v1," + Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{_id}.{_timestamp}.{_body}")));
        _headers =
        [
            new("svix-id", _id),
            new("svix-timestamp", _timestamp),
            new("svix-signature", _signature),
            new("content-type", "application/json"),
        ];
        if (!Bare()) throw new InvalidOperationException("the bare HMAC does not match");
        _verifier.Verify(_body, _headers);
    }

    [Benchmark(Baseline = true, Description = "bare HMAC-SHA256 + FixedTimeEquals")]
    public bool Bare()
    {
        var expected = Convert.FromBase64String(_signature[3..]);
        var signed = Encoding.UTF8.GetBytes($"{_id}.{_timestamp}.{_body}");
        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, signed), expected);
    }

    [Benchmark(Description = "ClerkWebhookVerifier.Verify(string, headers)")]
    public void Verify() => _verifier.Verify(_body, _headers);

    [Benchmark(Description = "ClerkWebhookVerifier.Verify(byte[], headers)")]
    public void VerifyBytes() => _verifier.Verify(_bodyBytes, _headers);

    [Benchmark(Description = "ClerkWebhookVerifier.VerifyAndParse (typed event)")]
    public ClerkWebhookEvent VerifyAndParse() => _verifier.VerifyAndParse(_body, _headers);
}
