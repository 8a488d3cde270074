using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Http;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Http;

/// <summary>
/// The body buffer of the retry handler (<see cref="ClerkResponseBuffer"/>): every byte arrives, with or without a
/// Content-Length, the size cap holds at its exact edge, and the pooled <see cref="ClerkBufferedContent"/> is
/// re-readable and never lets a stream see another response's bytes.
/// </summary>
public class ResponseBufferTests
{
    private static byte[] Body(int length) => Enumerable.Range(0, length).Select(i => (byte)('a' + (i % 26))).ToArray();

    /// <summary>A response whose content has no Content-Length (like a chunked body) unless <paramref name="withLength"/>.</summary>
    private static HttpResponseMessage Response(byte[] body, bool withLength)
    {
        HttpContent content = withLength ? new ByteArrayContent(body) : new StreamContent(new UnknownLengthStream(body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (withLength) content.Headers.ContentLength = body.Length;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://api.clerk.com/v1/users") };
    }

    [TestCase(0, true)]
    [TestCase(1, true)]
    [TestCase(4096, true)]
    [TestCase(4095, false)]
    [TestCase(16 * 1024, false)]
    [TestCase(16 * 1024 + 1, false)]
    [TestCase(1_000_000, false)]
    [TestCase(1_000_000, true)]
    public async Task EveryByteArrives_WithOrWithoutContentLength(int length, bool withLength)
    {
        var body = Body(length);
        using var response = Response(body, withLength);

        await ClerkResponseBuffer.LoadAsync(response, 32L * 1024 * 1024, CancellationToken.None);

        Assert.That(response.Content, Is.InstanceOf<ClerkBufferedContent>());
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(body));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(length));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"), "the headers are kept");
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task ABodyOfExactlyTheCap_IsAccepted_OneByteMore_IsRefused(bool withLength)
    {
        const int cap = 20_000;
        using (var exact = Response(Body(cap), withLength))
        {
            await ClerkResponseBuffer.LoadAsync(exact, cap, CancellationToken.None);
            Assert.That((await exact.Content.ReadAsByteArrayAsync()).Length, Is.EqualTo(cap));
        }
        using var over = Response(Body(cap + 1), withLength);
        var ex = Assert.ThrowsAsync<ClerkException>(() => ClerkResponseBuffer.LoadAsync(over, cap, CancellationToken.None));
        Assert.That(ex!.Message, Does.EndWith(withLength
            ? "was refused: its body (Content-Length 20001) exceeds the client options' MaxResponseBodyBytes (20000 bytes)."
            : "was refused: its body (more) exceeds the client options' MaxResponseBodyBytes (20000 bytes)."));
    }

    [Test]
    public async Task TheBufferedContent_CanBeReadAgainAndAgain()
    {
        using var response = Response(Encoding.UTF8.GetBytes("""{ "id": "user_1" }"""), withLength: false);
        await ClerkResponseBuffer.LoadAsync(response, 1024, CancellationToken.None);
        var content = (ClerkBufferedContent)response.Content;

        using (var reader = new StreamReader(content.OpenRead()))
        {
            Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("""{ "id": "user_1" }"""));
        }
        Assert.That(await content.ReadAsStringAsync(), Is.EqualTo("""{ "id": "user_1" }"""));
        Assert.That(await content.ReadAsStringAsync(), Is.EqualTo("""{ "id": "user_1" }"""));
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        Assert.That(Encoding.UTF8.GetString(copy.ToArray()), Is.EqualTo("""{ "id": "user_1" }"""));
    }

    [Test]
    public void AfterDispose_TheContentCannotBeRead()
    {
        var content = new ClerkBufferedContent(ArrayPool<byte>.Shared.Rent(16), 4, pooled: true);
        content.Dispose();
        content.Dispose(); // twice: the array goes back to the pool once

        Assert.Throws<ObjectDisposedException>(() => content.OpenRead());
        Assert.ThrowsAsync<ObjectDisposedException>(() => content.ReadAsStringAsync());
    }

    [Test]
    public async Task AStreamHandedOut_IsClosedWithItsResponse_BeforeItsArrayGoesBackToThePool()
    {
        var body = Encoding.UTF8.GetBytes(new string('x', 5000));
        var response = Response(body, withLength: true);
        await ClerkResponseBuffer.LoadAsync(response, 1024 * 1024, CancellationToken.None);
        var stream = await response.Content.ReadAsStreamAsync();
        var start = new byte[10];
        Assert.That(await stream.ReadAsync(start), Is.EqualTo(10));

        response.Dispose();

        // HttpContent disposes the stream it handed out: it cannot go on reading an array the pool may lend again.
        Assert.Throws<ObjectDisposedException>(() => stream.ReadExactly(new byte[10]));
    }

    [Test]
    public void AFailedRead_Fails_WithTheReadError()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new FailingStream()) };

        Assert.ThrowsAsync<IOException>(() => ClerkResponseBuffer.LoadAsync(response, 1024, CancellationToken.None));
        Assert.That(response.Content, Is.InstanceOf<StreamContent>(), "the response keeps its content: the retry handler disposes it");
    }

    /// <summary>A readable stream that cannot tell its length, handing out at most 1000 bytes per read.</summary>
    private sealed class UnknownLengthStream(byte[] body) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 1000), body.Length - _position);
            Array.Copy(body, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A stream whose connection breaks on the second read.</summary>
    private sealed class FailingStream : Stream
    {
        private int _reads;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) =>
            ++_reads == 1 ? 10 : throw new IOException("connection reset");

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
