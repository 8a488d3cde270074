using System;
using System.Buffers;
#if NET9_0_OR_GREATER
using System.Buffers.Text;
#endif

namespace Clerk.Authentication;

/// <summary>Strict base64url (RFC 7515 §2): the URL-safe alphabet only, no padding, no whitespace, canonical last character.</summary>
internal static class Base64UrlSegment
{
    /// <summary>The base64url alphabet, searched vectorized (a session token is about 900 characters).</summary>
    private static readonly SearchValues<char> Alphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static bool IsCanonical(ReadOnlySpan<char> segment)
    {
        if (segment.Length % 4 == 1)
        {
            return false;
        }
        if (segment.ContainsAnyExcept(Alphabet))
        {
            return false;
        }
        if (segment.Length == 0)
        {
            return true;
        }
        // The unused low bits of the last character must be zero, or two texts would decode to the same bytes.
        var last = Value(segment[^1]);
        return (segment.Length % 4) switch
        {
            2 => (last & 0x0F) == 0,
            3 => (last & 0x03) == 0,
            _ => true,
        };
    }

#if NET9_0_OR_GREATER
    public static byte[] Decode(ReadOnlySpan<char> segment) => Base64Url.DecodeFromChars(segment);
#else
    public static byte[] Decode(ReadOnlySpan<char> segment) => DecodeWithoutBase64Url(segment);
#endif

    /// <summary>The decoder used on .NET 8, which has no Base64Url: translate to standard base64 with padding, then
    /// decode (input already checked canonical). Compiled everywhere so the tests compare it with Base64Url.</summary>
    public static byte[] DecodeWithoutBase64Url(ReadOnlySpan<char> segment)
    {
        var padded = (segment.Length + 3) / 4 * 4;
        var buffer = padded <= 4096 ? stackalloc char[padded] : new char[padded];
        for (var i = 0; i < segment.Length; i++)
        {
            buffer[i] = segment[i] switch { '-' => '+', '_' => '/', var c => c };
        }
        buffer[segment.Length..].Fill('=');
        return Convert.FromBase64String(new string(buffer));
    }

    private static int Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        _ => 63,
    };
}
