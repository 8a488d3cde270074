using System.Collections.Generic;

namespace Clerk;

/// <summary>One entry of the <c>errors</c> array of a Clerk error response.</summary>
public sealed class ClerkApiError
{
    /// <summary>Creates an error entry.</summary>
    /// <param name="code">The machine-readable code, e.g. <c>form_identifier_not_found</c>.</param>
    /// <param name="message">The short message.</param>
    /// <param name="longMessage">The long message, if any.</param>
    /// <param name="meta">The <c>meta</c> object, if any.</param>
    public ClerkApiError(string code, string message, string? longMessage, ClerkApiErrorMeta? meta)
    {
        Code = code;
        Message = message;
        LongMessage = longMessage;
        Meta = meta;
    }

    /// <summary>The machine-readable code, e.g. <c>form_identifier_not_found</c> (empty when Clerk sent none).</summary>
    public string Code { get; }

    /// <summary>The short message.</summary>
    public string Message { get; }

    /// <summary>The long message, if any.</summary>
    public string? LongMessage { get; }

    /// <summary>The <c>meta</c> object, if any.</summary>
    public ClerkApiErrorMeta? Meta { get; }

    /// <summary>
    /// <c>code: message</c>, with the long message where it adds something: Clerk often repeats the short message as the
    /// long one (<c>form_identifier_exists: That email address is taken.</c>, once), and a long message that contains the
    /// short one replaces it.
    /// </summary>
    public override string ToString()
    {
        var text = LongMessage is not { Length: > 0 } longMessage || longMessage.Trim() == Message.Trim() ? Message
            : Message.Length == 0 || longMessage.Contains(Message.Trim().TrimEnd('.'), System.StringComparison.OrdinalIgnoreCase) ? longMessage
            : $"{Message} ({longMessage})";
        return Code.Length == 0 ? text : $"{Code}: {text}";
    }
}
