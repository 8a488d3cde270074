using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clerk.Webhooks;

/// <summary>
/// A Clerk webhook event: its type, time, instance and data. For an event type of the webhook spec the object is a
/// <see cref="ClerkWebhookEvent{TData}"/> with typed data (<c>user.created</c> → <see cref="BackendApi.User"/>); an event type this
/// SDK version does not know parses as a plain <see cref="ClerkWebhookEvent"/> with <see cref="Data"/> as raw JSON.
/// </summary>
public class ClerkWebhookEvent
{
    private static readonly IReadOnlyDictionary<string, Type> DataTypes = ClerkWebhookEventTable.Rows.ToDictionary(r => r.Type, r => r.DataType, StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, Func<WebhookEventPayload, object?, JObject, ClerkWebhookEvent>> Factories = new();
    /// <summary>How deep a body may nest: the reader's limit and the serializer's (the envelope and data are read from the parsed body, so both must allow it).</summary>
    private const int MaxDepth = 128;

    private static readonly JsonSerializer Serializer = JsonSerializer.CreateDefault(new JsonSerializerSettings { MaxDepth = MaxDepth, DateParseHandling = DateParseHandling.None });

    /// <summary>Creates an event.</summary>
    /// <param name="envelope">The envelope fields.</param>
    /// <param name="data">The data (typed, or raw JSON for an unknown type).</param>
    /// <param name="raw">The whole event as JSON.</param>
    protected ClerkWebhookEvent(WebhookEventPayload envelope, object? data, JObject raw)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        Type = envelope.Type ?? string.Empty;
        InstanceId = envelope.InstanceId;
        TimestampValue = envelope.Timestamp;
        EventAttributes = envelope.EventAttributes;
        Data = data;
        Raw = raw;
    }

    /// <summary>Every event type of the webhook spec this SDK version has a typed data class for.</summary>
    public static IReadOnlyCollection<string> KnownTypes => (IReadOnlyCollection<string>)DataTypes.Keys;

    /// <summary>The data class an event type parses into (<c>user.created</c> → <see cref="BackendApi.User"/>), or null for a type this SDK version does not know.</summary>
    /// <param name="eventType">The event type, e.g. <c>user.created</c>.</param>
    /// <returns>The data class, or null.</returns>
    public static Type? DataTypeOf(string eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return DataTypes.TryGetValue(eventType, out var type) ? type : null;
    }

    /// <summary>The event type, e.g. <c>user.created</c>.</summary>
    public string Type { get; }

    /// <summary>The instance that sent the event (<c>instance_id</c>).</summary>
    public string? InstanceId { get; }

    /// <summary>The <c>timestamp</c> field as sent (Unix time; milliseconds in Clerk's deliveries).</summary>
    public long TimestampValue { get; }

    /// <summary>When the event happened: <see cref="TimestampValue"/> read as milliseconds, or as seconds when it is too small to be milliseconds.</summary>
    public DateTimeOffset Timestamp => TimestampValue > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(TimestampValue) : DateTimeOffset.FromUnixTimeSeconds(TimestampValue);

    /// <summary>Attributes of the request that caused the event (client IP, user agent), when Clerk sends them.</summary>
    public WebhookEventPayloadEventAttributes? EventAttributes { get; }

    /// <summary>The event data: a typed object for a known type, a <see cref="JToken"/> otherwise.</summary>
    public object? Data { get; }

    /// <summary>Whether this SDK version has a typed data class for <see cref="Type"/>.</summary>
    public bool IsKnownType => DataTypes.ContainsKey(Type);

    /// <summary>The whole event as JSON (a copy is not made: treat it as read-only).</summary>
    public JObject Raw { get; }

    /// <summary>Parses a webhook body (already verified) into an event.</summary>
    /// <param name="json">The body.</param>
    /// <returns>A <see cref="ClerkWebhookEvent{TData}"/> for a known type, else a <see cref="ClerkWebhookEvent"/>.</returns>
    /// <exception cref="ClerkWebhookException">The body is not a webhook event (not a JSON object, no <c>type</c>, data that does not fit).</exception>
    public static ClerkWebhookEvent Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JObject raw;
        try
        {
            using var reader = new JsonTextReader(new System.IO.StringReader(json)) { DateParseHandling = DateParseHandling.None, MaxDepth = MaxDepth };
            raw = JToken.ReadFrom(reader) as JObject ?? throw new ClerkWebhookException(ClerkWebhookFailure.InvalidPayload, "The webhook body is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new ClerkWebhookException(ClerkWebhookFailure.InvalidPayload, $"The webhook body is not valid JSON: {ex.Message}", ex);
        }
        if (raw["type"]?.Type != JTokenType.String)
        {
            throw new ClerkWebhookException(ClerkWebhookFailure.InvalidPayload, "The webhook body has no string 'type'.");
        }
        try
        {
            var envelope = raw.ToObject<WebhookEventPayload>(Serializer)!;
            if (!DataTypes.TryGetValue(envelope.Type, out var dataType))
            {
                return new ClerkWebhookEvent(envelope, raw["data"], raw);
            }
            var data = raw["data"] is { Type: not JTokenType.Null } token ? token.ToObject(dataType, Serializer) : null;
            return Factories.GetOrAdd(dataType, CreateFactory)(envelope, data, raw);
        }
        catch (JsonException ex)
        {
            throw new ClerkWebhookException(ClerkWebhookFailure.InvalidPayload, $"The '{raw.Value<string>("type")}' webhook does not fit its schema: {ex.Message}", ex);
        }
    }

    private static Func<WebhookEventPayload, object?, JObject, ClerkWebhookEvent> CreateFactory(Type dataType)
    {
        var eventType = typeof(ClerkWebhookEvent<>).MakeGenericType(dataType);
        return (envelope, data, raw) => (ClerkWebhookEvent)Activator.CreateInstance(eventType, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance, null, [envelope, data, raw], null)!;
    }

    /// <summary>A description: type, instance and time.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Type} ({InstanceId}, {Timestamp:u})";
}
