using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.ConformanceTests.Synthesis;

/// <summary>
/// Finds wire fields a model did not map to a property (they land in <c>AdditionalProperties</c>): for a request body
/// built from the spec, each one is a field the SDK's model cannot express. Metadata is free-form and not checked.
/// </summary>
internal static class UnmodeledFields
{
    public static IReadOnlyList<string> Find(object? model)
    {
        var found = new List<string>();
        Walk(model, "body", found, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return found;
    }

    private static void Walk(object? value, string path, List<string> found, HashSet<object> seen)
    {
        if (value is null or string or JToken || value.GetType().IsPrimitive || value.GetType().IsValueType || !seen.Add(value)) return;
        if (value is IEnumerable items and not IDictionary)
        {
            var index = 0;
            foreach (var item in items) Walk(item, $"{path}[{index++}]", found, seen);
            return;
        }
        var type = value.GetType();
        if (type.Namespace is not ("Clerk.BackendApi" or "Clerk.FrontendApi") || value is Metadata) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var child = property.GetValue(value);
            if (property.Name == "AdditionalProperties" && child is IDictionary<string, JToken> extra)
            {
                found.AddRange(extra.Keys.Select(k => $"{path}.{k} is not a property of {type.Name}"));
                continue;
            }
            Walk(child, $"{path}.{property.Name}", found, seen);
        }
    }
}
