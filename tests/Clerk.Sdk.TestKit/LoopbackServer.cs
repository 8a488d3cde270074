using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clerk.Sdk.TestKit;

/// <summary>
/// The one stand-in server of the tests: Kestrel on a loopback port that answers each request with the next scripted
/// step (a status and body, a reset, a partial body, a slow drip, no answer) and records what it saw. When the script
/// runs out it answers with the fallback given at start, else repeats the last step. (The fake Clerk itself is
/// Clerk.Sdk.Testing's FakeClerkServer; this server is for what a real Clerk never does on purpose.)
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<string> _seen = new();
    private readonly ConcurrentQueue<(string Path, string? Authorization)> _authorizations = new();
    private readonly Func<HttpContext, Task>? _fallback;
    private Func<HttpContext, Task> _last = Reply(200, "{}");
    private int _requests;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LoopbackServer(WebApplication app, Func<HttpContext, Task>? fallback)
    {
        _app = app;
        _fallback = fallback;
    }

    /// <summary>The Backend API URL to give ClerkClientOptions.ApiUrl (<c>http://127.0.0.1:port/v1</c>).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The host alone (<c>http://127.0.0.1:port</c>), as CLERK_API_URL is usually given: the SDK adds <c>/v1</c>.</summary>
    public string HostUrl { get; private set; } = "";

    /// <summary>Path and Authorization header of every request, in order.</summary>
    public IReadOnlyList<(string Path, string? Authorization)> Authorizations => _authorizations.ToArray();

    /// <summary>How many requests reached the server.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>"METHOD /path?query" of every request, in order.</summary>
    public IReadOnlyList<string> Seen => _seen.ToList();

    /// <summary>Starts the server; <paramref name="fallback"/> answers once the script is used up.</summary>
    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, Task>? fallback = null)
    {
        var app = Loopback.CreateBuilder().Build();
        var server = new LoopbackServer(app, fallback);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.HostUrl = Loopback.AddressOf(app);
        server.BaseUrl = server.HostUrl + "/v1";
        return server;
    }

    /// <summary>Queues the answers to the next requests, in order.</summary>
    public LoopbackServer Then(params Func<HttpContext, Task>[] steps)
    {
        foreach (var step in steps)
        {
            _script.Enqueue(step);
            _last = step;
        }
        return this;
    }

    /// <summary>Completes when the next request has arrived (then re-arms).</summary>
    public async Task WaitForRequestAsync()
    {
        await _arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        _seen.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
        _authorizations.Enqueue((context.Request.Path.Value ?? "", context.Request.Headers.Authorization.ToString()));
        var step = _script.TryDequeue(out var next) ? next : _fallback ?? _last;
        _arrived.TrySetResult();
        await step(context);
    }

    public static Func<HttpContext, Task> Reply(int status, string body, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        async context =>
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers) context.Response.Headers[name] = value;
            if (body.Length > 0)
            {
                context.Response.ContentType = contentType;
                await context.Response.WriteAsync(body);
            }
        };

    /// <summary>Drops the connection without answering.</summary>
    public static Func<HttpContext, Task> Reset() => context =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    /// <summary>Announces a body, sends part of it, then drops the connection.</summary>
    public static Func<HttpContext, Task> ResetMidBody(string body) => async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length + 1000;
        await context.Response.WriteAsync(body);
        await context.Response.Body.FlushAsync();
        context.Abort();
    };

    /// <summary>Never answers (until the client gives up and the connection closes).</summary>
    public static Func<HttpContext, Task> Hang() => async context =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    };

    /// <summary>Sends headers and the first byte, then nothing more.</summary>
    public static Func<HttpContext, Task> SlowDrip() => async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{");
        await context.Response.Body.FlushAsync();
        await Hang()(context);
    };

    /// <summary>A port on which nothing listens: connecting is refused.</summary>
    public static string RefusingBaseUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/v1";
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
