namespace Clerk.Webhooks;

/// <summary>Why a webhook was rejected (machine-readable).</summary>
public enum ClerkWebhookFailure
{
    /// <summary>A required header (<c>svix-id</c>, <c>svix-timestamp</c>, <c>svix-signature</c>, or the <c>webhook-*</c> form) is missing or empty.</summary>
    MissingHeader,

    /// <summary>The timestamp header is not a canonical non-negative integer of seconds.</summary>
    InvalidTimestamp,

    /// <summary>The timestamp is older than the tolerance allows (a replay, or a clock far behind).</summary>
    TimestampTooOld,

    /// <summary>The timestamp is further in the future than the tolerance allows.</summary>
    TimestampTooNew,

    /// <summary>No <c>v1</c> signature in the header matches the body.</summary>
    NoMatchingSignature,

    /// <summary>The body is not a webhook event Clerk would send (not JSON, or no <c>type</c>).</summary>
    InvalidPayload,
}
