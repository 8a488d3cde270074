using System;
using System.Text.Json;

namespace Clerk.Authentication;

/// <summary>Typed reads of JSON claims, and JavaScript truthiness where Clerk's SDK rules depend on it.</summary>
internal static class JsonClaims
{
    /// <summary>Unix seconds beyond which a time claim is not a date (year 9999).</summary>
    public const double MaxUnixSeconds = 253402300799;

    /// <summary>A string claim, or null when absent or not a string (the name in UTF-8, <c>"sub"u8</c>: no transcoding per lookup).</summary>
    public static string? GetString(JsonElement obj, ReadOnlySpan<byte> utf8Name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(utf8Name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A number claim, or null when absent or not a number.</summary>
    public static double? GetNumber(JsonElement obj, ReadOnlySpan<byte> utf8Name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(utf8Name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) ? number : null;

    /// <summary>Reads a NumericDate (seconds, fractions truncated like JavaScript's <c>Date.setUTCSeconds</c>); null when absent or not a date.</summary>
    public static DateTimeOffset? GetTime(JsonElement obj, ReadOnlySpan<byte> utf8Name) =>
        obj.TryGetProperty(utf8Name, out var value) && TryGetUnixSeconds(value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public static bool TryGetUnixSeconds(JsonElement value, out long seconds)
    {
        seconds = 0;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || double.IsNaN(number) || Math.Abs(number) > MaxUnixSeconds)
        {
            return false;
        }
        seconds = (long)Math.Truncate(number);
        return true;
    }

    /// <summary>JavaScript truthiness of a JSON value (what <c>if (claims.o)</c> means in Clerk's SDK).</summary>
    public static bool IsTruthy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False => false,
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Number => value.TryGetDouble(out var d) && d != 0,
        _ => true,
    };

    public static bool IsTruthyProperty(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        return obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && IsTruthy(value);
    }

    /// <summary><see cref="IsTruthyProperty(JsonElement, string, out JsonElement)"/> with a UTF-8 name.</summary>
    public static bool IsTruthyProperty(JsonElement obj, ReadOnlySpan<byte> utf8Name, out JsonElement value)
    {
        value = default;
        return obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(utf8Name, out value) && IsTruthy(value);
    }
}
