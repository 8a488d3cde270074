using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Clerk.Http;

/// <summary>
/// Turns Json.NET's report of a required property (strict reading, <see cref="Serialization.StrictContractResolver"/>)
/// into a <see cref="ClerkMissingFieldException"/> that names the model and its property: the model is found by walking
/// the error's JSON path from the type being read.
/// </summary>
internal static partial class MissingFieldReport
{
    [GeneratedRegex(@"^Required property '(?<name>[^']+)' (?<kind>not found in JSON|expects a (non-null )?value)", RegexOptions.CultureInvariant)]
    private static partial Regex RequiredMessage();

    [GeneratedRegex(@"\['(?<quoted>(?:[^'\\]|\\.)*)'\]|\[(?<index>\d+)\]|(?<name>[^.\[]+)", RegexOptions.CultureInvariant)]
    private static partial Regex PathSegment();

    /// <summary>
    /// The exception for <paramref name="exception"/> when it reports a required property, else null.
    /// <paramref name="root"/> is the type read at the start of <paramref name="exception"/>'s path; for a list item
    /// (<paramref name="itemsOfList"/>) the path up to the first index is the list's envelope (<c>data[3]</c>).
    /// </summary>
    public static ClerkMissingFieldException? TryCreate(JsonSerializationException exception, Type root, bool itemsOfList, IContractResolver resolver,
        string operation, HttpResponseMessage response, string text, int attempts)
    {
        var match = RequiredMessage().Match(exception.Message);
        if (!match.Success) return null;
        var jsonName = match.Groups["name"].Value;
        var wasNull = match.Groups["kind"].Value != "not found in JSON";
        var segments = Segments(exception.Path ?? string.Empty);
        if (itemsOfList)
        {
            var first = segments.FindIndex(s => s.Index is not null);
            segments = first < 0 ? [] : segments[first..];
            root = typeof(List<>).MakeGenericType(root);
        }
        // A null is reported at the property (user.id), a missing property at its object (user).
        if (segments.Count > 0 && segments[^1].Name == jsonName) segments.RemoveAt(segments.Count - 1);
        var model = TypeAt(root, segments, resolver) ?? root;
        var property = resolver.ResolveContract(model) is JsonObjectContract contract && contract.Properties.GetProperty(jsonName, StringComparison.Ordinal) is { } found
            ? found.UnderlyingName ?? jsonName
            : jsonName;
        var path = string.Join(string.Empty, segments.ConvertAll(s => s.Index is { } i ? $"[{i}]" : "." + s.Name)).TrimStart('.');
        return new ClerkMissingFieldException(operation, model, property, jsonName, path, wasNull, (int)response.StatusCode, text,
            ClerkResponseReader.HeadersOf(response), exception, attempts);
    }

    private static List<(string? Name, int? Index)> Segments(string path)
    {
        var segments = new List<(string? Name, int? Index)>();
        foreach (Match match in PathSegment().Matches(path))
        {
            if (match.Groups["index"].Success) segments.Add((null, int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)));
            else if (match.Groups["quoted"].Success) segments.Add((match.Groups["quoted"].Value.Replace("\\'", "'", StringComparison.Ordinal), null));
            else segments.Add((match.Groups["name"].Value, null));
        }
        return segments;
    }

    private static Type? TypeAt(Type type, List<(string? Name, int? Index)> segments, IContractResolver resolver)
    {
        foreach (var (name, index) in segments)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            switch (resolver.ResolveContract(type))
            {
                case JsonArrayContract array when index is not null && array.CollectionItemType is { } item:
                    type = item;
                    break;
                case JsonDictionaryContract dictionary when name is not null && dictionary.DictionaryValueType is { } value:
                    type = value;
                    break;
                case JsonObjectContract model when name is not null && model.Properties.GetProperty(name, StringComparison.Ordinal)?.PropertyType is { } member:
                    type = member;
                    break;
                default:
                    return null;
            }
        }
        return Nullable.GetUnderlyingType(type) ?? type;
    }
}
