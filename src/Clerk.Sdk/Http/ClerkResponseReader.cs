using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace Clerk.Http;

/// <summary>
/// Deserializes a success body for the generated clients (their <c>ReadObjectResponseAsync</c>, from
/// <c>build/templates/Client.Class.ReadObjectResponse.liquid</c>): streams the bytes into the model with Json.NET,
/// without a string of the whole body. The text is read only when an exception needs it (a body that cannot be
/// deserialized, or one that reads as null), from the buffered bytes, so <see cref="ClerkApiException.BodyExcerpt"/>
/// still shows what arrived.
/// </summary>
internal static class ClerkResponseReader
{
    /// <summary>
    /// Reads <paramref name="content"/> as <typeparamref name="T"/>. Returns the value (text empty); or no value and the
    /// body's text, with the Json.NET error when the body could not be deserialized.
    /// </summary>
    public static async Task<(T? Value, string Text, JsonException? Error)> ReadAsync<T>(HttpContent content, JsonSerializerSettings settings, CancellationToken cancellationToken)
    {
        var buffered = content as ClerkBufferedContent;
        if (buffered is null)
        {
            // Not read by the SDK's pipeline (an HttpClient given in ClerkClientOptions.HttpClient): buffer it here,
            // so that the text can still be read for an exception.
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }
        try
        {
            var stream = buffered?.OpenRead() ?? await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            T? value;
            using (var reader = new JsonTextReader(new StreamReader(stream)))
            {
                value = JsonSerializer.Create(settings).Deserialize<T>(reader);
            }
            return value is null ? (default, await TextAsync(content, cancellationToken).ConfigureAwait(false), null) : (value, string.Empty, null);
        }
        catch (JsonException exception)
        {
            return (default, await TextAsync(content, cancellationToken).ConfigureAwait(false), exception);
        }
    }

    /// <summary>The body as text (its charset, else UTF-8), read again from the buffered bytes.</summary>
    private static Task<string> TextAsync(HttpContent content, CancellationToken cancellationToken) => content.ReadAsStringAsync(cancellationToken);
}
