using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Sdk.TestKit.Spec;
using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.ConformanceTests.Synthesis;

/// <summary>
/// Builds a JSON value that satisfies a schema: <c>$ref</c> and <c>allOf</c> resolved, an enum's first value, strings
/// matching <c>pattern</c> (<see cref="RegexSampler"/>) or <c>format</c> (email, uri, date-time, date, uuid) within
/// min/max length, numbers within min/max, arrays of at least one item (minItems/maxItems). Objects get their required
/// properties, or with <see cref="Variant.All"/> every property that is not read-only. Nothing is null, except with
/// <see cref="Variant.Nulls"/> every property the spec declares <c>nullable</c>.
/// </summary>
internal sealed class SchemaSampler(ApiSpec spec, Variant variant)
{
    private const int MaxDepth = 8;

    private readonly Stack<JObject> _open = new();

    public JToken Sample(JObject schema) => Sample(schema, 0);

    private JToken Sample(JObject schema, int depth)
    {
        var resolved = spec.Resolve(schema);
        if (depth > 4 * MaxDepth)
        {
            throw new NotSupportedException($"The schema at {schema.Path} requires itself; it cannot be sampled");
        }
        _open.Push(resolved);
        try
        {
            return SampleResolved(resolved, depth);
        }
        finally
        {
            _open.Pop();
        }
    }

    private JToken SampleResolved(JObject schema, int depth)
    {
        if (schema["allOf"] is JArray allOf)
        {
            var merged = new JObject();
            foreach (var member in allOf.OfType<JObject>())
            {
                var part = Sample(member, depth + 1);
                if (part is not JObject members) return part;
                merged.Merge(members);
            }
            if (schema["properties"] is JObject) merged.Merge(SampleObject(schema, depth));
            return merged;
        }
        foreach (var union in new[] { "oneOf", "anyOf" })
        {
            if (schema[union] is JArray { Count: > 0 } members) return Sample((JObject)members[0], depth + 1);
        }
        if (schema["enum"] is JArray values && values.FirstOrDefault(v => v.Type != JTokenType.Null) is { } value) return value.DeepClone();
        return (string?)schema["type"] switch
        {
            "object" => SampleObject(schema, depth),
            "array" => SampleArray(schema, depth),
            null when schema["properties"] is JObject => SampleObject(schema, depth),
            null when schema["items"] is JObject => SampleArray(schema, depth),
            _ => SampleScalar(schema),
        };
    }

    private JObject SampleObject(JObject schema, int depth)
    {
        var result = new JObject();
        var required = (schema["required"] as JArray ?? new JArray()).Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        if (schema["properties"] is JObject properties)
        {
            foreach (var property in properties.Properties())
            {
                if (property.Value is not JObject propertySchema) continue;
                // A recursive type stops at the required properties of its second level.
                var optionalToo = variant is Variant.All or Variant.Nulls && depth < MaxDepth && _open.Count(o => ReferenceEquals(o, schema)) < 2;
                var wanted = required.Contains(property.Name) ||
                    (optionalToo && (bool?)spec.Resolve(propertySchema)["readOnly"] != true && (bool?)propertySchema["readOnly"] != true);
                if (!wanted) continue;
                result[property.Name] = variant == Variant.Nulls && (bool?)propertySchema["nullable"] == true ? JValue.CreateNull() : Sample(propertySchema, depth + 1);
            }
        }
        else if (variant is Variant.All or Variant.Nulls && (schema["additionalProperties"] is JObject || schema["additionalProperties"] is JValue { Type: JTokenType.Boolean } open && (bool)open))
        {
            // A free-form map (metadata): one entry.
            result["conformance"] = schema["additionalProperties"] is JObject { HasValues: true } valueSchema ? Sample(valueSchema, depth + 1) : "value";
        }
        return result;
    }

    private JArray SampleArray(JObject schema, int depth)
    {
        var count = Math.Max((int?)schema["minItems"] ?? 0, 1);
        if ((int?)schema["maxItems"] is { } max) count = Math.Min(count, max);
        var items = schema["items"] as JObject ?? new JObject { ["type"] = "string" };
        var array = new JArray();
        for (var i = 0; i < count; i++) array.Add(Sample(items, depth + 1));
        return array;
    }

    private static JToken SampleScalar(JObject schema) =>
        (string?)schema["type"] switch
        {
            "string" => SampleString(schema),
            "integer" => new JValue((long)Clamp(schema, 10)),
            "number" => new JValue(Clamp(schema, 10.5)),
            "boolean" => new JValue(true),
            _ => new JValue("sample"), // An untyped value: any JSON is valid.
        };

    private static string SampleString(JObject schema)
    {
        var minLength = (int?)schema["minLength"] ?? 0;
        var maxLength = (int?)schema["maxLength"] ?? int.MaxValue;
        if ((string?)schema["pattern"] is { } pattern) return RegexSampler.Sample(pattern, minLength);
        // The SDK's document moves a URL format to x-clerk-format (it types URLs as strings, not System.Uri).
        var text = ((string?)schema["format"] ?? (string?)schema["x-clerk-format"]) switch
        {
            "email" => "conformance@example.com",
            "uri" or "url" or "uri-reference" or "iri" => "https://example.com/conformance",
            "date-time" => "2025-01-02T03:04:05Z",
            "date" => "2025-01-02",
            "uuid" => "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            "byte" => "c2FtcGxl",
            _ => "sample",
        };
        while (text.Length < minLength) text += "x";
        return text.Length > maxLength ? text[..maxLength] : text;
    }

    private static double Clamp(JObject schema, double preferred)
    {
        var value = preferred;
        if ((double?)schema["minimum"] is { } min)
        {
            var exclusive = (bool?)schema["exclusiveMinimum"] == true;
            if (value < min || (exclusive && value <= min)) value = exclusive ? min + 1 : min;
        }
        if ((double?)schema["maximum"] is { } max)
        {
            var exclusive = (bool?)schema["exclusiveMaximum"] == true;
            if (value > max || (exclusive && value >= max)) value = exclusive ? max - 1 : max;
        }
        return (string?)schema["type"] == "integer" ? Math.Floor(value) : value;
    }
}
