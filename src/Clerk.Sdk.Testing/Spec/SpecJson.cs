using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clerk.Testing.Spec;

/// <summary>JSON in and out of the fake: Newtonsoft with the models' attributes and <see cref="SpecContractResolver"/>.</summary>
internal static class SpecJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new SpecContractResolver(),
        DateParseHandling = DateParseHandling.None,
        Formatting = Formatting.None,
    };

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

    /// <summary>Serializes a model (or a JToken) as the spec's JSON.</summary>
    public static string Serialize(object value) => value is JToken token ? token.ToString(Formatting.None) : JsonConvert.SerializeObject(value, Settings);

    /// <summary>Parses JSON without turning date-like strings into dates; null for text that is not JSON.</summary>
    public static JToken? TryParse(string text)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    /// <summary>Reads a validated body into a generated request model.</summary>
    public static T To<T>(JObject body) => body.ToObject<T>(Serializer)!;

    /// <summary>A deep copy of a model through its JSON (for a response type of the same shape).</summary>
    public static T Convert<T>(object model) => JToken.FromObject(model, Serializer).ToObject<T>(Serializer)!;
}
