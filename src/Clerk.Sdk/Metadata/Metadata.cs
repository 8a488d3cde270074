using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clerk;

/// <summary>
/// Free-form metadata (<c>public_metadata</c>, <c>private_metadata</c>, <c>unsafe_metadata</c>): read it raw
/// (<see cref="ToJObject"/>, the indexer) or typed (<see cref="As{T}"/>), and send a typed object with <see cref="From"/>.
/// One type for every API: the spec tool points every metadata property of the Backend API, webhook and Frontend API
/// models here (nswag.json excludes the schema from generation).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.ClerkJsonBridgeConverterFactory))]
public sealed class Metadata
{
    /// <summary>Every key of the metadata with its raw JSON value.</summary>
    [JsonExtensionData]
    public IDictionary<string, JToken> AdditionalProperties { get; set; } = new Dictionary<string, JToken>();

    private static readonly JsonSerializer Serializer = JsonSerializer.CreateDefault();

    /// <summary>
    /// A metadata key's raw JSON value (null when the key is absent). Setting a key to null sends it as JSON
    /// <c>null</c>, which is how Clerk's metadata merge (<c>Users.UpdateMetadataAsync</c>, <c>Organizations.UpdateMetadataAsync</c>)
    /// deletes a key: <c>metadata["plan"] = null</c>. <see cref="Remove"/> leaves a key out of the request instead.
    /// </summary>
    /// <param name="key">The key.</param>
    public JToken? this[string key]
    {
        get => AdditionalProperties.TryGetValue(key, out var value) ? value : null;
        set => AdditionalProperties[key] = value ?? JValue.CreateNull();
    }

    /// <summary>Leaves a key out (it is not sent at all, so a merge keeps Clerk's value); to delete it on Clerk, set it to null.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether the key was there.</returns>
    public bool Remove(string key) => AdditionalProperties.Remove(key);

    /// <summary>Builds metadata from any object that serializes to a JSON object (an anonymous type, a record, a dictionary).</summary>
    /// <param name="value">The object.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="ArgumentException">The object does not serialize to a JSON object.</exception>
    public static Metadata From(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var token = value as JToken ?? JToken.FromObject(value, Serializer);
        if (token is not JObject obj)
        {
            throw new ArgumentException($"Metadata must be a JSON object; {value.GetType().Name} serializes to {token.Type}.", nameof(value));
        }
        var metadata = new Metadata();
        foreach (var property in obj.Properties()) metadata.AdditionalProperties[property.Name] = property.Value.DeepClone();
        return metadata;
    }

    /// <summary>Reads the metadata as <typeparamref name="T"/> (keys map to its JSON property names).</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <returns>The typed metadata.</returns>
    /// <exception cref="ClerkException">The metadata does not fit <typeparamref name="T"/>.</exception>
    public T As<T>()
    {
        try
        {
            return ToJObject().ToObject<T>(Serializer)!;
        }
        catch (JsonException ex)
        {
            throw new ClerkException($"Metadata could not be read as {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>The metadata as a JSON object (a copy).</summary>
    /// <returns>The JSON object.</returns>
    public JObject ToJObject()
    {
        var obj = new JObject();
        foreach (var pair in AdditionalProperties) obj[pair.Key] = pair.Value?.DeepClone() ?? JValue.CreateNull();
        return obj;
    }

    /// <summary>The metadata as JSON text.</summary>
    /// <returns>The JSON.</returns>
    public override string ToString() => ToJObject().ToString(Formatting.None);
}
