using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace Clerk.Http;

/// <summary>
/// Deserializes a success body for the generated clients (their <c>ReadObjectResponseAsync</c>, from our own template
/// <c>build/templates/Client.Class.ReadObjectResponse.liquid</c>): streams the bytes into the model with Json.NET,
/// without a string of the whole body. The text is read only when an exception needs it (a body that cannot be
/// deserialized) or the client asks for it, from the buffered bytes, so <see cref="ClerkApiException.BodyExcerpt"/>
/// still shows what arrived.
/// </summary>
internal static class ClerkResponseReader
{
    /// <summary>
    /// One serializer per settings object (each generated client class has one settings object for its lifetime):
    /// a Json.NET serializer is safe to share for reading, and creating one per call copies every setting.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerSettings, JsonSerializer> Serializers = new();

    /// <summary>
    /// Reads the body of <paramref name="response"/> as <typeparamref name="T"/>: the value (default for no body) and,
    /// when <paramref name="keepText"/>, the text. Throws <see cref="ClerkApiException"/> for a body that is not a
    /// <typeparamref name="T"/> in JSON.
    /// </summary>
    public static async Task<(T? Value, string Text)> ReadAsync<T>(HttpResponseMessage response, IReadOnlyDictionary<string, IEnumerable<string>> headers, JsonSerializerSettings settings, bool keepText, CancellationToken cancellationToken)
    {
        var content = response?.Content;
        if (typeof(T) == typeof(ClerkRedirect))
        {
            // The operation succeeds with a redirect (ClerkApiClientBase.ProcessResponseAsync let it through): the
            // result is the response's status and Location, not its body.
            var redirect = response!.RequestMessage is { } request && request.Options.TryGetValue(ClerkRequestOptions.Redirect, out var seen) ? seen : ClerkRedirect.From(response);
            return ((T)(object)redirect, string.Empty);
        }
        if (content is null)
        {
            return (default, string.Empty);
        }
        if (typeof(T) == typeof(string) && !ClerkOperationTraits.IsJson(content.Headers.ContentType?.MediaType))
        {
            // A text result that is not JSON (an HTML page): the text itself.
            var page = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return ((T)(object)page, page);
        }
        var buffered = content as ClerkBufferedContent;
        if (buffered is null)
        {
            // Not read by the SDK's pipeline (an HttpClient that bypasses it): buffer it here, so that the text can
            // still be read for an exception.
#if NET9_0_OR_GREATER
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            await content.LoadIntoBufferAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
#endif
        }
        T? value;
        try
        {
            var stream = buffered?.OpenRead() ?? await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new JsonTextReader(new StreamReader(stream));
            value = Serializers.GetValue(settings, static s => JsonSerializer.Create(s)).Deserialize<T>(reader);
        }
        catch (JsonException exception)
        {
            var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new ClerkApiException($"Could not deserialize the response body as {typeof(T).FullName}.", (int)response!.StatusCode, text, headers, exception);
        }
        // A body that reads as null keeps its text too: the generated code then throws with it.
        return (value, keepText || value is null ? await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false) : string.Empty);
    }
}
