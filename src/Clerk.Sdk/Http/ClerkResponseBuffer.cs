using System;
using System.Buffers;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Http;

/// <summary>
/// Reads a response body into memory up to a size cap, so its reading is part of the attempt (a reset mid-body is
/// retried, a slow drip runs into the timeouts, an oversized body is refused before it fills memory). The bytes go
/// into one array rented from <see cref="ArrayPool{T}.Shared"/>, sized from Content-Length when there is one (else
/// grown by doubling), and become the response's <see cref="ClerkBufferedContent"/>, which returns the array when the
/// response is disposed: a call allocates no copy of its body.
/// </summary>
internal static class ClerkResponseBuffer
{
    /// <summary>The first buffer for a body of unknown length (chunked); it doubles as needed.</summary>
    private const int InitialUnknownLength = 16 * 1024;

    public static async Task LoadAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content is ClerkBufferedContent)
        {
            return;
        }
        var declared = content.Headers.ContentLength;
        if (declared is { } length && length > maxBytes)
        {
            throw TooLarge(response, maxBytes, $"Content-Length {length}");
        }
        // The largest array the body may need: one byte over the cap proves a body too large.
        var limit = (int)Math.Clamp(maxBytes, 0, Array.MaxLength - 1) + 1;
        // With a Content-Length, one more byte than announced lets the end of the body be seen without growing.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared is { } known ? known + 1 : InitialUnknownLength, limit));
        var filled = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (filled == buffer.Length)
                    {
                        if (buffer.Length >= limit)
                        {
                            throw TooLarge(response, maxBytes, "more");
                        }
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, limit));
                        buffer.AsSpan(0, filled).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }
                    filled += read;
                    if (filled > maxBytes)
                    {
                        throw TooLarge(response, maxBytes, "more");
                    }
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        var buffered = new ClerkBufferedContent(buffer, filled, pooled: true);
        // Copied as received, without parsing (Content-Length comes from the buffer itself).
        foreach (var header in content.Headers.NonValidated)
        {
            if (header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (header.Value.Count == 1)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value.ToString());
            }
            else
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
        response.Content = buffered;
        content.Dispose();
    }

    private static ClerkException TooLarge(HttpResponseMessage response, long maxBytes, string size) =>
        new($"The Clerk response to {response.RequestMessage?.Method} was refused: its body ({size}) exceeds the client options' MaxResponseBodyBytes ({maxBytes} bytes).");
}
