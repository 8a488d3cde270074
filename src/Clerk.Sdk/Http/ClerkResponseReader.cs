using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace Clerk.Http;

/// <summary>
/// Deserializes a success body for the generated clients (the send path of <see cref="ClerkApiClientBase"/>): streams the bytes into the model with Json.NET,
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
    public static async Task<(T? Value, string Text)> ReadAsync<T>(HttpResponseMessage response, JsonSerializerSettings settings, bool keepText, string operation, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content is null)
        {
            return (default, string.Empty);
        }
        if (typeof(T) == typeof(string) && !ClerkOperation.IsJson(content.Headers.ContentType?.MediaType))
        {
            // A text result that is not JSON (an HTML page): the text itself.
            var page = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return ((T)(object)page, page);
        }
        var stream = await OpenBufferedAsync(content, cancellationToken).ConfigureAwait(false);
        T? value;
        var serializer = Serializers.GetValue(settings, static s => JsonSerializer.Create(s));
        try
        {
            using var reader = new JsonTextReader(new StreamReader(stream));
            value = serializer.Deserialize<T>(reader);
        }
        catch (JsonException exception)
        {
            var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var attempts = response.RequestMessage is { } request ? ClerkRequestOptions.AttemptsOf(request) : 1;
            if (exception is JsonSerializationException serialization &&
                MissingFieldReport.TryCreate(serialization, typeof(T), itemsOfList: false, serializer.ContractResolver, operation, response, text, attempts) is { } missing)
            {
                throw missing;
            }
            throw new ClerkApiException($"Could not deserialize the response body as {typeof(T).FullName}.", (int)response.StatusCode, text, HeadersOf(response), exception, attempts);
        }
        // A body that reads as null keeps its text too: the send path then throws with it.
        return (value, keepText || value is null ? await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false) : string.Empty);
    }

    /// <summary>
    /// Reads a list response in either shape Clerk sends: a bare array, or an object with the items array (<c>data</c>,
    /// else its one array property such as <c>m2m_tokens</c>) and <c>total_count</c>; other properties are skipped.
    /// </summary>
    public static async Task<ClerkListResult<T>> ReadListAsync<T>(HttpResponseMessage response, JsonSerializerSettings settings, string operation, CancellationToken cancellationToken)
    {
        var content = response.Content;
        var stream = await OpenBufferedAsync(content, cancellationToken).ConfigureAwait(false);
        var serializer = Serializers.GetValue(settings, static s => JsonSerializer.Create(s));
        try
        {
            using var reader = new JsonTextReader(new StreamReader(stream)) { DateParseHandling = DateParseHandling.None };
            if (!reader.Read()) throw new JsonSerializationException("The body is empty.");
            return ReadList<T>(reader, serializer, depth: 0);
        }
        catch (JsonException exception)
        {
            var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var attempts = response.RequestMessage is { } request ? ClerkRequestOptions.AttemptsOf(request) : 1;
            if (exception is JsonSerializationException serialization &&
                MissingFieldReport.TryCreate(serialization, typeof(T), itemsOfList: true, serializer.ContractResolver, operation, response, text, attempts) is { } missing)
            {
                throw missing;
            }
            throw new ClerkApiException($"Could not read the response body as a list of {typeof(T).FullName}: {exception.Message}", (int)response.StatusCode, text, HeadersOf(response), exception, attempts);
        }
    }

    /// <summary>
    /// The body as a stream over bytes held in memory: the SDK pipeline's buffer (<see cref="ClerkBufferedContent"/>),
    /// or, from an HttpClient that bypasses the pipeline, the content buffered here, so that its text can still be read
    /// for an exception.
    /// </summary>
    private static async Task<Stream> OpenBufferedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content is ClerkBufferedContent buffered) return buffered.OpenRead();
#if NET9_0_OR_GREATER
        await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
        await content.LoadIntoBufferAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
#endif
        return await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A list at the reader's current token: an array; or an object with its items array (<c>data</c>, else its one
    /// array property), <c>total_count</c>, or (the Frontend API) the list under <c>response</c> beside the client's
    /// state. Other properties are skipped.
    /// </summary>
    private static ClerkListResult<T> ReadList<T>(JsonReader reader, JsonSerializer serializer, int depth)
    {
        if (reader.TokenType == JsonToken.StartArray)
        {
            return new(serializer.Deserialize<List<T>>(reader), null);
        }
        if (reader.TokenType != JsonToken.StartObject) throw new JsonSerializationException($"A list was expected, not {reader.TokenType}.");
        List<T>? items = null;
        string? itemsName = null;
        long? total = null;
        ClerkListResult<T>? wrapped = null;
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            reader.Read();
            if (name == "total_count" && reader.TokenType is JsonToken.Integer)
            {
                total = System.Convert.ToInt64(reader.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name == "response" && depth == 0 && reader.TokenType is JsonToken.StartArray or JsonToken.StartObject)
            {
                wrapped = ReadList<T>(reader, serializer, depth + 1);
            }
            else if (name == "data" && reader.TokenType == JsonToken.Null)
            {
                // A null items array is an empty page.
                items ??= [];
                itemsName = name;
            }
            else if (reader.TokenType == JsonToken.StartArray && (items is null || (name == "data" && itemsName != "data")))
            {
                items = serializer.Deserialize<List<T>>(reader);
                itemsName = name;
            }
            else
            {
                reader.Skip();
            }
        }
        if (wrapped is { } list) return list;
        if (items is null) throw new JsonSerializationException("The list object has no items array.");
        return new(items, total);
    }

    /// <summary>The response's and its content's headers, for an exception.</summary>
    public static IReadOnlyDictionary<string, IEnumerable<string>> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers) headers[header.Key] = header.Value.ToList();
        if (response.Content is not null)
        {
            foreach (var header in response.Content.Headers) headers[header.Key] = header.Value.ToList();
        }
        return headers;
    }
}
