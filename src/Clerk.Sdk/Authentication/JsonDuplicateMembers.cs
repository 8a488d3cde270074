using System.Collections.Generic;
using System.Text.Json;

namespace Clerk.Authentication;

/// <summary>
/// Whether a JSON document repeats a member name inside one object (compared after unescaping), which
/// System.Text.Json 10 rejects itself (<c>AllowDuplicateProperties = false</c>); used on .NET 8, whose System.Text.Json
/// cannot (compiled everywhere so the tests, which run on .NET 10, compare the two). A token whose header or payload
/// says <c>"alg"</c> twice must not be read one way here and another way elsewhere.
/// </summary>
internal static class JsonDuplicateMembers
{
    /// <summary>True when some object repeats a member name; false for valid JSON without repeats. Throws
    /// <see cref="JsonException"/> for invalid JSON or nesting deeper than <paramref name="maxDepth"/>.</summary>
    public static bool Any(byte[] utf8, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        var open = new Stack<HashSet<string>?>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    open.Push(new HashSet<string>(System.StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    open.Push(null);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    open.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    if (!open.Peek()!.Add(reader.GetString()!))
                    {
                        return true;
                    }
                    break;
            }
        }
        return false;
    }
}
