using System;
using System.Buffers;
using System.Buffers.Text;

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

    public static byte[] Decode(ReadOnlySpan<char> segment) => Base64Url.DecodeFromChars(segment);

    private static int Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        _ => 63,
    };
}
