using Newtonsoft.Json.Linq;

namespace Clerk.Webhooks;

/// <summary>A webhook event whose data has a typed class: match it with <c>evt is ClerkWebhookEvent&lt;User&gt; { Data: var user }</c>.</summary>
/// <typeparam name="TData">The data class of the event type.</typeparam>
public sealed class ClerkWebhookEvent<TData> : ClerkWebhookEvent
{
    internal ClerkWebhookEvent(WebhookEventPayload envelope, object? data, JObject raw)
        : base(envelope, data, raw)
    {
        Data = (TData?)data;
    }

    /// <summary>The typed event data.</summary>
    public new TData? Data { get; }
}
