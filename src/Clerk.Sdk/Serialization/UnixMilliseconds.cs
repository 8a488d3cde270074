using System;

namespace Clerk.Serialization;

/// <summary>
/// Clerk's timestamps (Unix milliseconds) as <see cref="DateTimeOffset"/> for the models' <c>...Utc</c> views
/// (<c>User.CreatedAtUtc</c>, written by the model template). A value beyond what <see cref="DateTimeOffset"/> holds is
/// clamped to its range instead of throwing, so a reading property never fails.
/// </summary>
internal static class UnixMilliseconds
{
    private static readonly long Min = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long Max = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>The instant <paramref name="milliseconds"/> after the Unix epoch, in UTC.</summary>
    public static DateTimeOffset ToDateTimeOffset(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(milliseconds, Min, Max));

    /// <summary>The instant, or null for no value.</summary>
    public static DateTimeOffset? ToDateTimeOffset(long? milliseconds) => milliseconds is { } value ? ToDateTimeOffset(value) : null;

    /// <summary>The instant, or null for no value (or for 0 when <paramref name="zeroIsNone"/>).</summary>
    public static DateTimeOffset? ToDateTimeOffset(long? milliseconds, bool zeroIsNone) => zeroIsNone && milliseconds == 0 ? null : ToDateTimeOffset(milliseconds);

    /// <summary>The instant <paramref name="seconds"/> after the Unix epoch, in UTC (the few fields the spec states in seconds).</summary>
    public static DateTimeOffset FromSeconds(long seconds) => ToDateTimeOffset(seconds > Max / 1000 ? Max : seconds < Min / 1000 ? Min : seconds * 1000);

    /// <summary>The instant, or null for no value (or for 0 when <paramref name="zeroIsNone"/>).</summary>
    public static DateTimeOffset? FromSeconds(long? seconds, bool zeroIsNone = false) => seconds is { } value && !(zeroIsNone && value == 0) ? FromSeconds(value) : null;
}
