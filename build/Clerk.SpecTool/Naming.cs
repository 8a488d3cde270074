using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Clerk.SpecTool;

/// <summary>.NET naming from Clerk's identifiers (snake_case, camelCase, dotted, dashed).</summary>
public static class Naming
{
    // Words whose .NET spelling is not "first letter upper, rest lower".
    private static readonly Dictionary<string, string> Special = new(StringComparer.OrdinalIgnoreCase)
    {
        ["oauth"] = "OAuth",
        ["m2m"] = "M2M",
        ["io"] = "IO",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Splits an identifier into words at separators, lower-to-upper and acronym boundaries.</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0) words.Add(current.ToString());
            current.Clear();
        }
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }
            if (current.Length > 0)
            {
                var prev = name[i - 1];
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var lowerToUpper = char.IsUpper(c) && (char.IsLower(prev) || char.IsDigit(prev));
                var acronymEnd = char.IsUpper(c) && char.IsUpper(prev) && char.IsLower(next);
                if (lowerToUpper || acronymEnd)
                {
                    Flush();
                }
            }
            current.Append(c);
        }
        Flush();
        // "OAuth" splits as "O" + "Auth"; keep it whole.
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (words[i] == "O" && words[i + 1].StartsWith("Auth", StringComparison.Ordinal))
            {
                words[i] = "O" + words[i + 1];
                words.RemoveAt(i + 1);
            }
        }
        return words;
    }

    /// <summary><c>created_at</c> → <c>CreatedAt</c>, <c>JWKS.rsa.PublicKey</c> → <c>JwksRsaPublicKey</c>, <c>apiKeyID</c> → <c>ApiKeyId</c>.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder();
        foreach (var word in Words(name))
        {
            builder.Append(Word(word));
        }
        var result = builder.ToString();
        if (result.Length == 0) return "Value";
        return char.IsDigit(result[0]) ? "Value" + result : result;
    }

    /// <summary><c>user_id</c> → <c>userId</c>; a C# keyword gets an <c>@</c>-free suffix-free spelling NSwag can escape.</summary>
    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        var words = Words(pascal);
        var first = words.Count > 0 ? words[0] : pascal;
        var camel = first.ToLowerInvariant() + pascal[first.Length..];
        return Keywords.Contains(camel) ? camel + "Value" : camel;
    }

    private static string Word(string word)
    {
        if (Special.TryGetValue(word, out var special)) return special;
        var first = char.ToUpperInvariant(word[0]);
        // Mixed case keeps its inner capitals (Auth); acronyms and lower words become words (SAML -> Saml, ID -> Id).
        return word.Skip(1).Any(char.IsLower) ? first + word[1..] : first + word[1..].ToLowerInvariant();
    }
}
