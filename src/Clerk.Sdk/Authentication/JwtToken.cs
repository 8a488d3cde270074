using System;
using System.Text.Json;
using System.Text.Unicode;

namespace Clerk.Authentication;

/// <summary>
/// A JWS in compact form split and read strictly before any key is looked up or signature checked: exactly three
/// segments of canonical base64url, a header that is a JSON object of valid UTF-8 without duplicate members and
/// with string <c>alg</c>/<c>kid</c>/<c>typ</c>. The payload is decoded only after the signature verifies.
/// </summary>
internal sealed class JwtToken
{
    /// <summary>The longest <c>kid</c> accepted (Clerk's are about 40 characters).</summary>
    public const int MaxKidLength = 256;

#if NET10_0_OR_GREATER
    private static readonly JsonDocumentOptions HeaderJson = new() { AllowDuplicateProperties = false, MaxDepth = 16 };
    private static readonly JsonDocumentOptions PayloadJson = new() { AllowDuplicateProperties = false, MaxDepth = 64 };
#else
    private static readonly JsonDocumentOptions HeaderJson = new() { MaxDepth = 16 };
    private static readonly JsonDocumentOptions PayloadJson = new() { MaxDepth = 64 };
#endif

    private readonly string _token;
    private readonly int _payloadStart;
    private readonly int _payloadLength;

    private JwtToken(string token, int payloadStart, int payloadLength, JsonElement header)
    {
        _token = token;
        _payloadStart = payloadStart;
        _payloadLength = payloadLength;
        Header = header;
        Algorithm = JsonClaims.GetString(header, "alg"u8) ?? string.Empty;
        KeyId = JsonClaims.GetString(header, "kid"u8);
        Type = JsonClaims.GetString(header, "typ"u8);
        HasType = header.TryGetProperty("typ"u8, out _);
        HasCritical = header.TryGetProperty("crit"u8, out _);
        HasCategory = header.TryGetProperty("cat"u8, out var cat);
        Category = cat.ValueKind == JsonValueKind.String ? cat.GetString() : null;
    }

    public JsonElement Header { get; }

    public string Algorithm { get; }

    public string? KeyId { get; }

    public string? Type { get; }

    public bool HasType { get; }

    public bool HasCritical { get; }

    public bool HasCategory { get; }

    public string? Category { get; }

    public bool HasSignature { get; private init; }

    /// <summary>The compact token (kept only for the signature check; never printed).</summary>
    public string Compact => _token;

    /// <summary>The signing input: <c>header.payload</c>, as characters of the compact token (ASCII by construction).</summary>
    public ReadOnlySpan<char> SigningInput => _token.AsSpan(0, _payloadStart + _payloadLength);

    /// <summary>The signature segment (base64url, already checked canonical).</summary>
    public ReadOnlySpan<char> SignatureSegment => _token.AsSpan(_payloadStart + _payloadLength + 1);

    /// <summary>Splits and reads the header; throws <see cref="ClerkTokenException"/> (Malformed, TokenTooLarge, UnsupportedAlgorithm).</summary>
    public static JwtToken Read(string? token, int maxLength, ClerkTokenType tokenType)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw Fail(ClerkTokenFailureReason.Malformed, "The token is empty.", tokenType);
        }
        if (token.Length > maxLength)
        {
            throw Fail(ClerkTokenFailureReason.TokenTooLarge, $"The token is {token.Length} characters long, over the limit of {maxLength}; it was not decoded.", tokenType);
        }
        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
        if (firstDot < 0 || secondDot < 0 || token.IndexOf('.', secondDot + 1) >= 0)
        {
            throw Fail(ClerkTokenFailureReason.Malformed, "A JWT has exactly three dot-separated segments (header.payload.signature).", tokenType);
        }
        var header = token.AsSpan(0, firstDot);
        var payload = token.AsSpan(firstDot + 1, secondDot - firstDot - 1);
        var signature = token.AsSpan(secondDot + 1);
        if (header.IsEmpty || payload.IsEmpty)
        {
            throw Fail(ClerkTokenFailureReason.Malformed, "The JWT header or payload segment is empty.", tokenType);
        }
        if (!Base64UrlSegment.IsCanonical(header) || !Base64UrlSegment.IsCanonical(payload) || !Base64UrlSegment.IsCanonical(signature))
        {
            throw Fail(ClerkTokenFailureReason.Malformed, "A JWT segment is not canonical base64url (only A-Z a-z 0-9 - _, no padding or whitespace).", tokenType);
        }
        var headerJson = ParseObject(Base64UrlSegment.Decode(header), HeaderJson, "header", tokenType);
        return new JwtToken(token, firstDot + 1, payload.Length, headerJson) { HasSignature = !signature.IsEmpty };
    }

    /// <summary>Decodes the payload (call only after the signature verified).</summary>
    public JsonElement ReadPayload(ClerkTokenType tokenType) =>
        ParseObject(Base64UrlSegment.Decode(_token.AsSpan(_payloadStart, _payloadLength)), PayloadJson, "payload", tokenType);

    /// <summary>Decodes the payload of a token that has not been verified, only to tell its kind; null when it cannot be read.</summary>
    public JsonElement? PeekPayload()
    {
        try
        {
            return ReadPayload(ClerkTokenType.SessionToken);
        }
        catch (ClerkTokenException)
        {
            return null;
        }
    }

    private static JsonElement ParseObject(byte[] utf8, JsonDocumentOptions options, string part, ClerkTokenType tokenType)
    {
        if (!Utf8.IsValid(utf8))
        {
            throw Fail(ClerkTokenFailureReason.Malformed, $"The JWT {part} is not valid UTF-8.", tokenType);
        }
        JsonElement root;
        try
        {
            // One document of its own (no pooled buffers to give back, no clone): the element outlives this method.
#if NET10_0_OR_GREATER
            root = JsonElement.Parse(utf8, options);
#else
            // .NET 8's System.Text.Json cannot reject repeated member names itself: check first, then parse and clone.
            if (JsonDuplicateMembers.Any(utf8, options.MaxDepth))
            {
                throw new JsonException("A member name is repeated.");
            }
            using (var document = JsonDocument.Parse(utf8, options))
            {
                root = document.RootElement.Clone();
            }
#endif
        }
        catch (JsonException)
        {
            throw Fail(ClerkTokenFailureReason.Malformed, $"The JWT {part} is not valid JSON (or nests deeper than {options.MaxDepth}, or repeats a member name).", tokenType);
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail(ClerkTokenFailureReason.Malformed, $"The JWT {part} is not a JSON object.", tokenType);
        }
        return root;
    }

    private static ClerkTokenException Fail(ClerkTokenFailureReason reason, string message, ClerkTokenType tokenType) => new(reason, message) { TokenType = tokenType };
}
