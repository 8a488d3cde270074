using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Http;

/// <summary>Reads a response body into memory up to a size cap, so its reading is part of the attempt.</summary>
internal static class ClerkResponseBuffer
{
    public static async Task LoadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content.Headers.ContentLength is { } length && length > maxBytes)
        {
            throw TooLarge(response, maxBytes, $"Content-Length {length}");
        }
        var buffer = new MemoryStream();
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw TooLarge(response, maxBytes, "more");
                }
                buffer.Write(chunk, 0, read);
            }
        }
        var buffered = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        foreach (var header in content.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        response.Content = buffered;
        content.Dispose();
    }

    private static ClerkException TooLarge(HttpResponseMessage response, long maxBytes, string size) =>
        new($"The Clerk response to {response.RequestMessage?.Method} was refused: its body ({size}) exceeds ClerkClientOptions.MaxResponseBodyBytes ({maxBytes} bytes).");
}
