using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Clerk;

/// <summary>The <c>meta</c> of a Clerk error: its known fields typed, the whole object kept in <see cref="Raw"/>.</summary>
public sealed class ClerkApiErrorMeta
{
    /// <summary>Creates the meta from its JSON object.</summary>
    /// <param name="raw">The <c>meta</c> JSON object.</param>
    public ClerkApiErrorMeta(JObject raw)
    {
        Raw = raw;
        ParamName = raw.Value<string>("param_name") is var name && raw["param_name"]?.Type == JTokenType.String ? name : null;
        SessionId = raw["session_id"]?.Type == JTokenType.String ? raw.Value<string>("session_id") : null;
        EmailAddresses = Strings(raw["email_addresses"]);
        Identifiers = Strings(raw["identifiers"]);
    }

    /// <summary>The request parameter the error is about (<c>param_name</c>), e.g. <c>email_address</c>.</summary>
    public string? ParamName { get; }

    /// <summary>The session the error is about (<c>session_id</c>).</summary>
    public string? SessionId { get; }

    /// <summary>Email addresses the error is about (<c>email_addresses</c>).</summary>
    public IReadOnlyList<string> EmailAddresses { get; }

    /// <summary>Identifiers the error is about (<c>identifiers</c>).</summary>
    public IReadOnlyList<string> Identifiers { get; }

    /// <summary>The whole <c>meta</c> object, including fields not typed here.</summary>
    public JObject Raw { get; }

    private static IReadOnlyList<string> Strings(JToken? token)
    {
        var result = new List<string>();
        if (token is JArray array)
        {
            foreach (var item in array)
            {
                if (item.Type == JTokenType.String) result.Add((string)item!);
            }
        }
        return result;
    }
}
