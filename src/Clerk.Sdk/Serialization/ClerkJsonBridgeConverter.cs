using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clerk.Serialization;

/// <summary>
/// Hands one SDK model to Json.NET inside System.Text.Json (see <see cref="ClerkJsonBridgeConverterFactory"/>): the
/// value is written as the JSON Json.NET gives it (Clerk's wire format, whatever naming policy the caller's options
/// set) and read from the JSON value System.Text.Json is at. A value Json.NET cannot read is a
/// <see cref="System.Text.Json.JsonException"/>, which ASP.NET Core turns into a 400 for a request body.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
internal sealed class ClerkJsonBridgeConverter<T> : JsonConverter<T>
{
    /// <summary>Default settings, as the generated clients use them (no global <c>JsonConvert.DefaultSettings</c>).</summary>
    private static readonly Newtonsoft.Json.JsonSerializer Serializer = Newtonsoft.Json.JsonSerializer.Create(new Newtonsoft.Json.JsonSerializerSettings());

    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            using var json = new Newtonsoft.Json.JsonTextReader(new StringReader(document.RootElement.GetRawText()));
            return Serializer.Deserialize<T>(json);
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            throw new JsonException($"The JSON value is not a {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Serializer.Serialize(text, value);
        writer.WriteRawValue(text.ToString(), skipInputValidation: true);
    }
}
