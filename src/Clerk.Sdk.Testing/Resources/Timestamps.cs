using System;
using System.Globalization;
using Clerk.Testing.Errors;

namespace Clerk.Testing.Resources;

/// <summary>Request timestamps given as RFC 3339 strings (<c>created_at</c>, <c>legal_accepted_at</c>) to Unix milliseconds.</summary>
internal static class Timestamps
{
    public static long? Parse(string? value, string param)
    {
        if (value is null)
        {
            return null;
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUnixTimeMilliseconds()
            : throw Faults.Unprocessable(Faults.FormatInvalid(param, "must be a date and time in RFC 3339 format (2012-10-20T07:15:20.902Z)."));
    }
}
