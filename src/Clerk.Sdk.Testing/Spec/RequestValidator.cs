using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Clerk.Testing.Errors;
using Microsoft.Extensions.Primitives;
using Newtonsoft.Json.Linq;

namespace Clerk.Testing.Spec;

/// <summary>
/// The cheap request checks Clerk makes, read from the spec: required query parameters and body fields, JSON types,
/// enums, patterns, lengths and ranges, unknown body fields where the schema forbids them. Every finding becomes one
/// entry of a 422 (<c>form_param_missing</c>, <c>form_param_format_invalid</c>, <c>form_param_value_invalid</c>, <c>form_param_unknown</c>).
/// </summary>
internal sealed class RequestValidator
{
    private readonly SpecDocument _spec;

    public RequestValidator(SpecDocument spec)
    {
        _spec = spec;
    }

    /// <summary>Checks the query parameters of <paramref name="operation"/>.</summary>
    public void CheckQuery(SpecOperation operation, IReadOnlyDictionary<string, StringValues> query, List<FakeError> errors)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            if (!query.TryGetValue(parameter.Name, out var values) || values.Count == 0)
            {
                if (parameter.Required)
                {
                    errors.Add(Faults.Missing(parameter.Name));
                }
                continue;
            }
            var isArray = (string?)parameter.Schema["type"] == "array";
            var itemSchema = isArray && parameter.Schema["items"] is JObject items ? _spec.Resolve(items) : parameter.Schema;
            foreach (var value in isArray ? values.ToArray() : [values[^1]])
            {
                CheckQueryValue(parameter.Name, value ?? string.Empty, itemSchema, errors);
            }
        }
    }

    /// <summary>Checks a JSON body against the operation's body schema; <paramref name="body"/> is null when none was sent.</summary>
    public void CheckBody(SpecOperation operation, JObject? body, List<FakeError> errors)
    {
        if (operation.Body is null)
        {
            return;
        }
        CheckObject(body ?? new JObject(), operation.Body, prefix: null, errors);
    }

    private void CheckQueryValue(string name, string value, JObject schema, List<FakeError> errors)
    {
        switch ((string?)schema["type"])
        {
            case "integer":
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    errors.Add(Faults.FormatInvalid(name, "must be an integer."));
                    return;
                }
                CheckRange(name, number, schema, errors);
                return;
            case "boolean":
                if (value is not ("true" or "false"))
                {
                    errors.Add(Faults.FormatInvalid(name, "must be true or false."));
                }
                return;
            default:
                CheckString(name, value, schema, errors);
                return;
        }
    }

    private void CheckObject(JObject value, JObject schema, string? prefix, List<FakeError> errors)
    {
        var properties = schema["properties"] as JObject ?? new JObject();
        foreach (var name in schema["required"]?.Values<string>() ?? Enumerable.Empty<string>())
        {
            if (value[name!] is null || value[name!]!.Type == JTokenType.Null)
            {
                errors.Add(Faults.Missing(Join(prefix, name!)));
            }
        }
        foreach (var property in value.Properties())
        {
            if (properties[property.Name] is JObject propertySchema)
            {
                CheckValue(Join(prefix, property.Name), property.Value, propertySchema, errors);
            }
            else if (schema["additionalProperties"]?.Type == JTokenType.Boolean && !(bool)schema["additionalProperties"]!)
            {
                errors.Add(Faults.Unknown(Join(prefix, property.Name)));
            }
        }
    }

    private void CheckValue(string name, JToken value, JObject declared, List<FakeError> errors)
    {
        var schema = _spec.Resolve(declared);
        if (value.Type == JTokenType.Null)
        {
            if (declared["nullable"]?.Value<bool>() != true && schema["nullable"]?.Value<bool>() != true && schema["type"] is not null)
            {
                errors.Add(Faults.FormatInvalid(name, "must not be null."));
            }
            return;
        }
        switch ((string?)schema["type"])
        {
            case "string":
                if (value.Type != JTokenType.String)
                {
                    errors.Add(Faults.FormatInvalid(name, "must be a string."));
                    return;
                }
                CheckString(name, (string)value!, schema, errors);
                return;
            case "integer":
                if (value.Type != JTokenType.Integer)
                {
                    errors.Add(Faults.FormatInvalid(name, "must be an integer."));
                    return;
                }
                CheckRange(name, (long)value, schema, errors);
                return;
            case "number":
                if (value.Type is not (JTokenType.Integer or JTokenType.Float))
                {
                    errors.Add(Faults.FormatInvalid(name, "must be a number."));
                }
                return;
            case "boolean":
                if (value.Type != JTokenType.Boolean)
                {
                    errors.Add(Faults.FormatInvalid(name, "must be a boolean."));
                }
                return;
            case "array":
                if (value is not JArray array)
                {
                    errors.Add(Faults.FormatInvalid(name, "must be an array."));
                    return;
                }
                if (schema["items"] is JObject items)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        CheckValue($"{name}[{i}]", array[i], items, errors);
                    }
                }
                return;
            case "object":
                if (value is not JObject obj)
                {
                    errors.Add(Faults.FormatInvalid(name, "must be an object."));
                    return;
                }
                if (schema["properties"] is JObject)
                {
                    CheckObject(obj, schema, name, errors);
                }
                return;
            default:
                return; // untyped (e.g. claims) or a composition: any JSON
        }
    }

    private static void CheckString(string name, string value, JObject schema, List<FakeError> errors)
    {
        if (schema["enum"] is JArray allowed && !allowed.Values<string>().Contains(value))
        {
            errors.Add(Faults.ValueInvalid(name, "must be one of " + string.Join(", ", allowed.Values<string>()) + "."));
            return;
        }
        if (schema["minLength"] is JValue min && value.Length < (long)min)
        {
            errors.Add(Faults.ValueInvalid(name, $"must be at least {(long)min} characters long."));
        }
        if (schema["maxLength"] is JValue max && value.Length > (long)max)
        {
            errors.Add(Faults.ValueInvalid(name, $"must be at most {(long)max} characters long."));
        }
        if (schema["pattern"] is JValue pattern && !Regex.IsMatch(value, (string)pattern!, RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1)))
        {
            errors.Add(Faults.FormatInvalid(name, "is not in the expected format."));
        }
    }

    private static void CheckRange(string name, long value, JObject schema, List<FakeError> errors)
    {
        var exclusive = schema["exclusiveMinimum"]?.Type == JTokenType.Boolean && (bool)schema["exclusiveMinimum"]!;
        if (schema["minimum"] is JValue min && (exclusive ? value <= (long)min : value < (long)min))
        {
            errors.Add(Faults.ValueInvalid(name, $"must be {(exclusive ? "greater than" : "at least")} {(long)min}."));
        }
        if (schema["maximum"] is JValue max && value > (long)max)
        {
            errors.Add(Faults.ValueInvalid(name, $"must be at most {(long)max}."));
        }
    }

    private static string Join(string? prefix, string name) => prefix is null ? name : prefix + "." + name;
}
