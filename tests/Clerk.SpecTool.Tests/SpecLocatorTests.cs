using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.SpecTool.Tests;

public class SpecLocatorTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\n");

    private static SpecLockEntry Entry(string url = "http://127.0.0.1:9/none.yml") => new()
    {
        Id = "test",
        Path = "bapi/test.yml",
        Url = url,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Content)),
    };

    [Test]
    public void FindsTheSpecInTheFirstSearchDirectoryThatHasIt()
    {
        var empty = RepoPaths.TempDirectory("clerk-spectool-tests");
        var full = RepoPaths.TempDirectory("clerk-spectool-tests");
        Directory.CreateDirectory(Path.Combine(full, "bapi"));
        File.WriteAllBytes(Path.Combine(full, "bapi", "test.yml"), Content);

        var found = new SpecLocator([empty, full], RepoPaths.TempDirectory("clerk-spectool-tests"), allowDownload: false).Locate(Entry());

        Assert.That(found, Is.EqualTo(Path.Combine(full, "bapi", "test.yml")));
    }

    [Test]
    public void NotFoundAnywhere_NamesEveryPlaceItLooked()
    {
        var first = RepoPaths.TempDirectory("clerk-spectool-tests");
        var second = RepoPaths.TempDirectory("clerk-spectool-tests");
        var cache = RepoPaths.TempDirectory("clerk-spectool-tests");

        var ex = Assert.Throws<SpecToolException>(() => new SpecLocator([first, second], cache, allowDownload: false).Locate(Entry()));

        Assert.That(ex!.Message, Does.Contain(Path.Combine(first, "bapi", "test.yml")));
        Assert.That(ex.Message, Does.Contain(Path.Combine(second, "bapi", "test.yml")));
        Assert.That(ex.Message, Does.Contain(Path.Combine(cache, "bapi", "test.yml")));
        Assert.That(ex.Message, Does.Contain("http://127.0.0.1:9/none.yml"));
        Assert.That(ex.Message, Does.Contain("CLERK_OPENAPI_DIR"));
    }

    [Test]
    public void AFileWithTheWrongHash_FailsWithBothHashes()
    {
        var dir = RepoPaths.TempDirectory("clerk-spectool-tests");
        Directory.CreateDirectory(Path.Combine(dir, "bapi"));
        File.WriteAllText(Path.Combine(dir, "bapi", "test.yml"), "openapi: 3.0.3 # edited\n");

        var ex = Assert.Throws<SpecToolException>(() => new SpecLocator([dir], RepoPaths.TempDirectory("clerk-spectool-tests"), allowDownload: false).Locate(Entry()));

        Assert.That(ex!.Message, Does.Contain(Entry().Sha256));
        Assert.That(ex.Message, Does.Contain("specs.lock.json"));
        Assert.That(ex.Message, Does.Contain(Path.Combine(dir, "bapi", "test.yml")));
    }

    [Test]
    public async Task DownloadsThePinnedUrl_VerifiesAndCachesIt()
    {
        await using var server = await LoopbackFileServer.StartAsync(Content);
        var cache = RepoPaths.TempDirectory("clerk-spectool-tests");

        var found = new SpecLocator([RepoPaths.TempDirectory("clerk-spectool-tests")], cache, allowDownload: true).Locate(Entry(server.Url));

        Assert.That(found, Is.EqualTo(Path.Combine(cache, "bapi", "test.yml")));
        Assert.That(File.ReadAllBytes(found), Is.EqualTo(Content));
        Assert.That(server.Requests, Is.EqualTo(1));
        // The cache answers the next restore without a request.
        new SpecLocator([], cache, allowDownload: true).Locate(Entry(server.Url));
        Assert.That(server.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task ADownloadWithTheWrongHash_IsRejectedAndNotCached()
    {
        await using var server = await LoopbackFileServer.StartAsync(Encoding.UTF8.GetBytes("tampered"));
        var cache = RepoPaths.TempDirectory("clerk-spectool-tests");

        var ex = Assert.Throws<SpecToolException>(() => new SpecLocator([], cache, allowDownload: true).Locate(Entry(server.Url)));

        Assert.That(ex!.Message, Does.Contain(server.Url).And.Contain("does not match"));
        Assert.That(File.Exists(Path.Combine(cache, "bapi", "test.yml")), Is.False);
    }

    [Test]
    public void TheLockFilePinsTheSharedSpecs()
    {
        var lockFile = SpecLock.Load(RepoPaths.LockFile);
        foreach (var id in new[] { "bapi", "fapi", "webhooks" })
        {
            var entry = lockFile.Get(id);
            Assert.That(entry.Url, Does.StartWith("https://raw.githubusercontent.com/clerk/openapi-specs/7987d1b776258d5ddd9163e1a03d256b5ac4d64a/"));
            var located = new SpecLocator([RepoPaths.SpecRoot], RepoPaths.TempDirectory("clerk-spectool-tests"), allowDownload: false).Locate(entry);
            Assert.That(located, Does.EndWith(entry.Path));
        }
    }

    /// <summary>A one-file HTTP server on a loopback port (HttpListener), counting requests.</summary>
    private sealed class LoopbackFileServer : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly byte[] _body;
        private Task? _loop;
        private int _requests;

        private LoopbackFileServer(byte[] body) => _body = body;

        public string Url { get; private set; } = "";

        public int Requests => _requests;

        public static Task<LoopbackFileServer> StartAsync(byte[] body)
        {
            var server = new LoopbackFileServer(body);
            var port = FreePort();
            server._listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            server._listener.Start();
            server.Url = $"http://127.0.0.1:{port}/bapi/test.yml";
            server._loop = Task.Run(server.ServeAsync);
            return Task.FromResult(server);
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    return;
                }
                System.Threading.Interlocked.Increment(ref _requests);
                context.Response.StatusCode = 200;
                await context.Response.OutputStream.WriteAsync(_body);
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            if (_loop is not null)
            {
                try { await _loop; } catch (ObjectDisposedException) { }
            }
        }
    }
}
