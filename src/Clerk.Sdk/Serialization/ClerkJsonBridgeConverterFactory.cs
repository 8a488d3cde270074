using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clerk.Serialization;

/// <summary>
/// Makes System.Text.Json (ASP.NET Core's serializer) write and read the SDK's models exactly as Clerk's API does. The
/// models are Json.NET types (wire names in <c>JsonProperty</c>, extensible enums as strings, metadata and unknown
/// fields in <c>[JsonExtensionData]</c>), which System.Text.Json would otherwise write as PascalCase or camelCase
/// properties, enums as <c>{ "value", "isKnown" }</c> objects and metadata as <c>{ "additionalProperties": ... }</c>.
/// The templates put this factory on every generated model and enum (<c>build/templates</c>); a model returned from a
/// minimal API or an MVC action, or nested in your own response type, comes out as Clerk's JSON.
/// </summary>
internal sealed class ClerkJsonBridgeConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => true;

    /// <inheritdoc />
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The SDK's models are Json.NET types: reflection-based already.")]
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ClerkJsonBridgeConverter<>).MakeGenericType(typeToConvert))!;
}
