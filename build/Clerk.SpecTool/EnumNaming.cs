using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Enum members get .NET names through <c>x-enumNames</c> (<c>email_code</c> → <c>EmailCode</c>); a <c>null</c> in
/// the value list (nullable enums) is dropped because nullability lives on the property.
/// An overlay can name the values itself by setting <c>x-enumNames</c> (one name per non-null value, in order), which
/// it must do when two values would get one name (<c>enterprise_sso</c> and <c>-enterprise_sso</c>): such a clash fails
/// the build instead of producing <c>EnterpriseSso_</c>.
/// </summary>
public static class EnumNaming
{
    public const string Extension = "x-enumNames";

    /// <summary>Members the generated enum struct declares itself.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "Value", "IsKnown", "Converter", "Equals", "GetHashCode", "ToString", "GetType" };

    public static void Apply(JObject document)
    {
        foreach (var node in document.Descendants().OfType<JObject>().ToList())
        {
            if (node["enum"] is not JArray values) continue;
            foreach (var nullValue in values.Where(v => v.Type == JTokenType.Null).ToList()) nullValue.Remove();
            if (values.Count == 0)
            {
                node.Remove("enum");
                node.Remove(Extension);
                continue;
            }
            var names = node[Extension] is JArray given ? FromOverlay(node, values, given) : Derive(node, values);
            node[Extension] = new JArray(names);
        }
    }

    private static List<string> Derive(JObject node, JArray values)
    {
        var names = new List<string>();
        var wireByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var text = value.Type == JTokenType.String ? (string)value! : value.ToString();
            var name = text switch { "" => "Empty", "*" => "Wildcard", _ => Naming.Pascal(text) };
            if (Reserved.Contains(name)) name += "Member";
            if (value.Type is JTokenType.Integer) name = "Value" + text.Replace("-", "Minus", StringComparison.Ordinal);
            if (wireByName.TryGetValue(name, out var other))
            {
                throw new SpecToolException(
                    $"enum at {node.Path}: values '{other}' and '{text}' both become {name}; name every value of this enum in an overlay ({Extension}: [...])");
            }
            wireByName[name] = text;
            names.Add(name);
        }
        return names;
    }

    private static List<string> FromOverlay(JObject node, JArray values, JArray given)
    {
        var names = given.Select(n => n.Type == JTokenType.String ? (string?)n : null).ToList();
        if (names.Count != values.Count || names.Any(n => string.IsNullOrEmpty(n)))
        {
            throw new SpecToolException($"enum at {node.Path}: {Extension} from an overlay must hold one name per value ({values.Count}), got {given.Count}");
        }
        foreach (var name in names)
        {
            if (!char.IsUpper(name![0]) || !name.All(char.IsLetterOrDigit) || Reserved.Contains(name))
            {
                throw new SpecToolException($"enum at {node.Path}: {Extension} name '{name}' must be PascalCase letters and digits and not one of {string.Join(", ", Reserved)}");
            }
        }
        if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new SpecToolException($"enum at {node.Path}: {Extension} names '{duplicate.Key}' more than once");
        }
        return names!;
    }
}
