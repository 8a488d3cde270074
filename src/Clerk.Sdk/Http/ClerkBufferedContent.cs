using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Http;

/// <summary>
/// A response body read into memory by <see cref="ClerkResponseBuffer"/>, in an array rented from
/// <see cref="ArrayPool{T}.Shared"/> and returned to it when the content (or its response) is disposed. Re-readable:
/// every read stream is a fresh view of the bytes. If a stream was handed out through the public
/// <see cref="HttpContent"/> API, the array is left to the GC instead of being returned, so a stream that outlives its
/// response can never see another response's bytes.
/// </summary>
internal sealed class ClerkBufferedContent : HttpContent
{
    private byte[]? _buffer;
    private readonly int _length;
    private readonly bool _pooled;
    private int _handedOut;

    /// <summary>Takes ownership of <paramref name="buffer"/> (rented from the shared pool when <paramref name="pooled"/>).</summary>
    public ClerkBufferedContent(byte[] buffer, int length, bool pooled)
    {
        _buffer = buffer;
        _length = length;
        _pooled = pooled;
    }

    /// <summary>The body's length in bytes.</summary>
    public int Length => _length;

    /// <summary>A read-only stream over the body for the SDK's own reader, which disposes it before the response.</summary>
    public Stream OpenRead() => new MemoryStream(Buffer(), 0, _length, writable: false);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Buffer(), 0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Buffer().AsMemory(0, _length), cancellationToken).AsTask();

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.Write(Buffer(), 0, _length);

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(HandOut());

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => Task.FromResult(HandOut());

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => HandOut();

    /// <summary>A stream for code outside the SDK's reader: it may outlive the response, so the array is not pooled again.</summary>
    private Stream HandOut()
    {
        Volatile.Write(ref _handedOut, 1);
        return OpenRead();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            var buffer = Interlocked.Exchange(ref _buffer, null);
            if (buffer is not null && _pooled && Volatile.Read(ref _handedOut) == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        base.Dispose(disposing);
    }

    private byte[] Buffer() => _buffer ?? throw new ObjectDisposedException(nameof(ClerkBufferedContent));
}
