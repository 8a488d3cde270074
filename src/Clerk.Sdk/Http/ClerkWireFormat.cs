using System;
using System.Globalization;

namespace Clerk.Http;

/// <summary>
/// How a parameter value is written in a URL, a header or a form field: strings as they are, booleans as
/// <c>true</c>/<c>false</c>, numbers in the invariant culture, dates as ISO 8601, the SDK's extensible enums as their
/// wire value (their <c>ToString()</c>), bytes as base64.
/// </summary>
internal static class ClerkWireFormat
{
    public static string Format<T>(T value)
    {
        switch (value)
        {
            case null: return string.Empty;
            case string text: return text;
            case bool flag: return flag ? "true" : "false";
            case long number: return number.ToString(CultureInfo.InvariantCulture);
            case int number: return number.ToString(CultureInfo.InvariantCulture);
            case double number: return number.ToString("R", CultureInfo.InvariantCulture);
            case DateTimeOffset date: return date.ToString("s", CultureInfo.InvariantCulture);
            case DateTime date: return date.ToString("s", CultureInfo.InvariantCulture);
            case byte[] bytes: return Convert.ToBase64String(bytes);
            case Enum enumeration: return EnumText(enumeration);
            case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
            default: return value.ToString() ?? string.Empty;
        }
    }

    /// <summary>A CLR enum's <c>EnumMember</c> value, else its name (the generated enums are structs; this is for any other).</summary>
    private static string EnumText(Enum value)
    {
        var name = Enum.GetName(value.GetType(), value);
        if (name is null) return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        var field = value.GetType().GetField(name);
        var member = field is null ? null : (System.Runtime.Serialization.EnumMemberAttribute?)Attribute.GetCustomAttribute(field, typeof(System.Runtime.Serialization.EnumMemberAttribute));
        return member?.Value ?? name;
    }
}
