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
}
