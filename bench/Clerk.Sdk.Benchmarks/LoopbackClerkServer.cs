using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clerk.Sdk.Benchmarks;

/// <summary>
/// A Kestrel server on 127.0.0.1 (HTTP/1.1, in this process) answering like the Clerk Backend API with bytes
/// serialized once at start-up, so the server's cost is the same for every contender:
/// <c>GET /v1/users/{id}</c> → one user; <c>GET /v1/users?limit=N&amp;offset=M</c> → a bare array of the users
/// M..M+N-1 of <see cref="TotalUsers"/>. Offset 0 is written as serialized; another offset copies the page and
/// patches its ids in place (same length), so every user of a full enumeration has its own id.
/// </summary>
public sealed class LoopbackClerkServer : IAsyncDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private readonly WebApplication _app;
    private readonly byte[] _user;
    private readonly ConcurrentDictionary<int, (byte[] Json, int[] IdOffsets)> _pages = new();
    private readonly System.Threading.SemaphoreSlim _patchLock = new(1, 1);
    private byte[] _patch = [];

    private LoopbackClerkServer(WebApplication app, byte[] user, long totalUsers)
    {
        _app = app;
        _user = user;
        TotalUsers = totalUsers;
    }

    /// <summary>The base URL of the Backend API (<c>http://127.0.0.1:port/v1</c>).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>How many users <c>GET /v1/users</c> pages over.</summary>
    public long TotalUsers { get; }

    /// <summary>The bytes of <c>GET /v1/users/{id}</c>.</summary>
    public byte[] UserJson => _user;

    /// <summary>The bytes of a page of <paramref name="count"/> users from offset 0 (what the server sends for it).</summary>
    public byte[] PageJson(int count) => Page(count).Json;

    /// <summary>Starts the server on a free loopback port.</summary>
    public static async Task<LoopbackClerkServer> StartAsync(long totalUsers = 100_000)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.AddServerHeader = false).UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackClerkServer(app, ClerkPayloads.UserJson(), totalUsers);
        app.MapGet("/v1/users/{userId}", (HttpContext context) => Write(context, server._user, server._user.Length));
        app.MapGet("/v1/users", server.ListAsync);
        await app.StartAsync().ConfigureAwait(false);
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1";
        return server;
    }

    private (byte[] Json, int[] IdOffsets) Page(int count) => _pages.GetOrAdd(count, static n =>
    {
        var json = ClerkPayloads.UserListJson(0, n);
        return (json, ClerkPayloads.UserIdOffsets(json, n));
    });

    private async Task ListAsync(HttpContext context)
    {
        var limit = int.TryParse(context.Request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 10;
        var offset = long.TryParse(context.Request.Query["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        // Cursor paging (what the SDK does for users): the users after the one starting_after names.
        var after = context.Request.Query["starting_after"].ToString();
        if (after.StartsWith("user_2bench", StringComparison.Ordinal) && long.TryParse(after.AsSpan("user_2bench".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            offset = index + 1;
        }
        var count = (int)Math.Max(0, Math.Min(limit, TotalUsers - offset));
        var (json, idOffsets) = Page(count);
        if (offset == 0)
        {
            await Write(context, json, json.Length).ConfigureAwait(false);
            return;
        }
        // One patch buffer, reused: a pooled array would be hoarded by the thread-local caches of the server's threads
        // and show up in the client's memory figures (this process is both).
        await _patchLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_patch.Length < json.Length) _patch = new byte[json.Length];
            json.CopyTo(_patch, 0);
            for (var i = 0; i < count; i++)
            {
                ClerkPayloads.PatchUserId(_patch, idOffsets[i], offset + i);
            }
            await Write(context, _patch, json.Length).ConfigureAwait(false);
        }
        finally
        {
            _patchLock.Release();
        }
    }

    /// <summary>
    /// Writes the body in 64 KB chunks, each flushed (awaiting the socket when Kestrel's output buffer is full), so
    /// the server never copies a whole 1.85 MB body into its memory pool: that pool is in this process too, and
    /// would otherwise blur the client's memory figures.
    /// </summary>
    private static async Task Write(HttpContext context, byte[] body, int length)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = length;
        var writer = context.Response.BodyWriter;
        for (var offset = 0; offset < length; offset += ChunkBytes)
        {
            await writer.WriteAsync(body.AsMemory(offset, Math.Min(ChunkBytes, length - offset))).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _patchLock.Dispose();
    }
}
