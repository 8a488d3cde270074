using System;
using Clerk.BackendApi;
using Clerk.Testing.Store;

namespace Clerk.Testing.Resources.ApiKeys;

/// <summary>
/// Clerk's rules for API keys, apart from the routes that apply them: when a key counts as expired, which keys a list
/// shows, what revoking and verifying change.
/// </summary>
internal static class ApiKeyRules
{
    /// <summary>Marks the key expired once its expiration has passed: Clerk reports it in the body, it never drops the key.</summary>
    public static FakeApiKey Refresh(FakeApiKey key, long now)
    {
        key.Record.Expired = key.Record.Expiration is { } expiration && expiration <= now;
        return key;
    }

    /// <summary>The expiration (Unix ms) of <c>seconds_until_expiration</c>; null means the key never expires.</summary>
    public static long? ExpirationFrom(long? secondsUntilExpiration, long now) => secondsUntilExpiration is { } seconds ? now + (seconds * 1000) : null;

    /// <summary>A list shows the subject's keys of one type, valid ones only unless <c>include_invalid</c>, matching <c>query</c> by name.</summary>
    public static bool Lists(ApiKey record, string? subject, string type, bool includeInvalid, string? query) =>
        record.Subject == subject && record.Type == type && (includeInvalid || (!record.Revoked && !record.Expired))
        && (string.IsNullOrEmpty(query) || record.Name.Contains(query, StringComparison.OrdinalIgnoreCase));

    /// <summary>Revoking is idempotent: the first revocation and its reason stay.</summary>
    public static void Revoke(ApiKey record, string? reason, long now)
    {
        if (record.Revoked) return;
        record.Revoked = true;
        record.RevocationReason = reason;
        record.UpdatedAt = now;
    }

    /// <summary>A verification counts as a use only for a valid key.</summary>
    public static void RecordUse(ApiKey record, long now)
    {
        if (!record.Revoked && !record.Expired) record.LastUsedAt = now;
    }
}
