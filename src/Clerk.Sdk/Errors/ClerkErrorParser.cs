using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clerk;

/// <summary>Reads Clerk's error JSON (<c>{ "errors": [...], "clerk_trace_id": "..." }</c>) from any body, never throwing.</summary>
internal static class ClerkErrorParser
{
    /// <summary>How much of a non-Clerk body an exception keeps.</summary>
    internal const int ExcerptLength = 200;

    private static readonly string[] TraceHeaders = ["x-clerk-trace-id", "clerk-trace-id", "x-trace-id"];

    public static ClerkErrorBody Parse(string? body, IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        var errors = new List<ClerkApiError>();
        string? traceId = null;
        var isClerkJson = false;
        if (!string.IsNullOrWhiteSpace(body))
        {
            var root = TryParse(body);
            if (root is not null)
            {
                traceId = root["clerk_trace_id"]?.Type == JTokenType.String ? (string?)root["clerk_trace_id"] : null;
                if (root["errors"] is JArray array)
                {
                    isClerkJson = true;
                    foreach (var item in array.OfType<JObject>())
                    {
                        errors.Add(new ClerkApiError(
                            Text(item, "code") ?? string.Empty,
                            Text(item, "message") ?? string.Empty,
                            Text(item, "long_message"),
                            item["meta"] is JObject meta ? new ClerkApiErrorMeta(meta) : null));
                    }
                }
            }
        }
        traceId ??= HeaderTraceId(headers);
        var excerpt = isClerkJson ? null : Excerpt(body);
        return new ClerkErrorBody(errors, traceId, excerpt);
    }

    public static string Describe(string message, int statusCode, ClerkErrorBody body, Exception? cause)
    {
        var builder = new StringBuilder(message.TrimEnd('.'));
        builder.Append(" (HTTP ").Append(statusCode.ToString(CultureInfo.InvariantCulture)).Append(')');
        var described = body.Errors.Select(e => e.ToString()).Where(text => text.Length > 0).ToList();
        if (described.Count > 0)
        {
            builder.Append(": ").Append(string.Join("; ", described));
        }
        else if (body.Errors.Count > 0)
        {
            builder.Append(": Clerk error JSON without a code or message");
        }
        else if (body.Excerpt is not null && statusCode is >= 200 and < 300)
        {
            // A success body can hold tokens and secrets (API key secrets, JWTs): keep it out of the message, which
            // ends up in logs; the caller can still read BodyExcerpt.
            builder.Append(": the body is not shown here as it may hold tokens or secrets; see BodyExcerpt");
        }
        else if (body.Excerpt is not null)
        {
            builder.Append(": the body is not Clerk error JSON: ").Append(body.Excerpt);
        }
        else if (cause is not null)
        {
            builder.Append(": ").Append(cause.Message);
        }
        else
        {
            builder.Append(": empty body");
        }
        if (body.TraceId is not null)
        {
            builder.Append(" [trace id ").Append(body.TraceId).Append(']');
        }
        return builder.ToString();
    }

    private static JObject? TryParse(string body)
    {
        try
        {
            using var reader = new JsonTextReader(new System.IO.StringReader(body)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JObject item, string name) => item[name]?.Type == JTokenType.String ? (string?)item[name] : null;

    private static string? HeaderTraceId(IReadOnlyDictionary<string, IEnumerable<string>>? headers)
    {
        if (headers is null) return null;
        foreach (var name in TraceHeaders)
        {
            foreach (var header in headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return header.Value.FirstOrDefault();
                }
            }
        }
        return null;
    }

    private static string? Excerpt(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        var collapsed = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= ExcerptLength ? collapsed : collapsed[..ExcerptLength] + "…";
    }
}
