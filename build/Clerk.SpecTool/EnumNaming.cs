using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Enum members get .NET names through <c>x-enumNames</c> (<c>email_code</c> → <c>EmailCode</c>); a <c>null</c> in
/// the value list (nullable enums) is dropped because nullability lives on the property.
/// </summary>
public static class EnumNaming
{
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
                continue;
            }
            var names = new List<string>();
            foreach (var value in values)
            {
                var text = value.Type == JTokenType.String ? (string)value! : value.ToString();
                var name = text switch { "" => "Empty", "*" => "Wildcard", _ => Naming.Pascal(text) };
                if (Reserved.Contains(name)) name += "Member";
                if (value.Type is JTokenType.Integer) name = "Value" + text.Replace("-", "Minus", StringComparison.Ordinal);
                var unique = name;
                for (var i = 0; names.Contains(unique); i++) unique = name + new string('_', i + 1);
                names.Add(unique);
            }
            node["x-enumNames"] = new JArray(names);
        }
    }
}
