using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.ConformanceTests.Synthesis;

/// <summary>
/// Turns a sampled JSON value into the C# parameter type of a facade method: strings and numbers, extensible enum
/// structs through their <c>(string)</c> constructor, arrays and <c>IEnumerable&lt;T&gt;</c>, files (each API's
/// <c>FileParameter</c>), and models read
/// from their wire names with Newtonsoft (as the SDK reads them).
/// </summary>
internal static class ClrValues
{
    /// <summary>A 1x1 transparent PNG, for logo and profile image uploads.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static readonly JsonSerializer Serializer = JsonSerializer.CreateDefault();

    public static object? From(JToken token, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        // Each generated API has its own FileParameter (Clerk.BackendApi, Clerk.FrontendApi): (Stream, fileName, contentType).
        if (target.Name == "FileParameter" && target.Namespace is "Clerk.BackendApi" or "Clerk.FrontendApi")
        {
            return Activator.CreateInstance(target, new MemoryStream(Png), "logo.png", "image/png");
        }
        if (target == typeof(string)) return token.Type == JTokenType.String ? (string?)token : token.ToString(Formatting.None);
        if (target == typeof(object)) return token is JValue scalar ? scalar.Value : token;
        if (ElementType(target) is { } element)
        {
            var items = token is JArray array ? array.ToList() : [token];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            foreach (var item in items) list.Add(From(item, element));
            return target.IsArray ? ToArray(list, element) : list;
        }
        if (target.IsValueType && !target.IsPrimitive && !target.IsEnum && target.GetConstructor([typeof(string)]) is { } fromWire)
        {
            return fromWire.Invoke([token.Type == JTokenType.String ? (string)token! : token.ToString(Formatting.None)]);
        }
        return token.ToObject(target, Serializer);
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IEnumerable<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>) ||
               definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static Array ToArray(IList list, Type element)
    {
        var array = Array.CreateInstance(element, list.Count);
        list.CopyTo(array, 0);
        return array;
    }
}
