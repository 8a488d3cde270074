using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;

namespace Clerk.Webhooks;

/// <summary>Reads the signature headers from any header collection (Svix-branded first, then the unbranded <c>webhook-*</c>).</summary>
internal static class ClerkWebhookHeaders
{
    internal const string SvixId = "svix-id";
    internal const string SvixTimestamp = "svix-timestamp";
    internal const string SvixSignature = "svix-signature";

    public static (string Id, string Timestamp, string Signature) Read(Func<string, string?> header)
    {
        var id = Get(header, SvixId, "webhook-id");
        var timestamp = Get(header, SvixTimestamp, "webhook-timestamp");
        var signature = Get(header, SvixSignature, "webhook-signature");
        var missing = new[] { (SvixId, id), (SvixTimestamp, timestamp), (SvixSignature, signature) }.Where(h => string.IsNullOrEmpty(h.Item2)).Select(h => h.Item1).ToList();
        if (missing.Count > 0)
        {
            throw new ClerkWebhookException(ClerkWebhookFailure.MissingHeader, $"The webhook is missing required header(s): {string.Join(", ", missing)} (or their webhook-* form).");
        }
        return (id!, timestamp!, signature!);
    }

    public static Func<string, string?> From(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in headers) map[pair.Key] = pair.Value;
        return name => map.TryGetValue(name, out var value) ? value : null;
    }

    public static Func<string, string?> From(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in headers) map[pair.Key] = string.Join(" ", pair.Value);
        return name => map.TryGetValue(name, out var value) ? value : null;
    }

    public static Func<string, string?> From(HttpHeaders headers) =>
        name => headers.TryGetValues(name, out var values) ? string.Join(" ", values) : null;

    private static string? Get(Func<string, string?> header, string branded, string unbranded)
    {
        var value = header(branded);
        return string.IsNullOrEmpty(value) ? header(unbranded) : value;
    }
}
