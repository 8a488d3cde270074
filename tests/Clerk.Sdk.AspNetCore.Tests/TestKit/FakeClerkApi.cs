using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clerk.Sdk.AspNetCore.Tests.TestKit;

/// <summary>
/// A stand-in Backend API on loopback: <c>GET {base}/users/{id}</c> answers a user; queued status codes are answered
/// first (to make the SDK retry). Records what each request carried.
/// </summary>
internal sealed class FakeClerkApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _failures = new();
    private readonly ConcurrentQueue<(string Path, string? Authorization)> _requests = new();

    private FakeClerkApi(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The host-only URL (<c>http://127.0.0.1:port</c>): the SDK adds <c>/v1</c>.</summary>
    public string Url { get; private set; } = "";

    public IReadOnlyList<(string Path, string? Authorization)> Requests => _requests.ToArray();

    public static async Task<FakeClerkApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeClerkApi(app);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        api.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return api;
    }

    /// <summary>Answers the next requests with these statuses (then normally).</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        _requests.Enqueue((context.Request.Path.Value ?? "", context.Request.Headers.Authorization.ToString()));
        if (_failures.TryDequeue(out var status))
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{ "errors": [ { "code": "unavailable", "message": "try again" } ] }""");
            return;
        }
        var segments = (context.Request.Path.Value ?? "").Trim('/').Split('/');
        if (context.Request.Method == "GET" && segments is ["v1", "users", var id])
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{ "id": "{{id}}", "object": "user", "first_name": "Ada" }""");
            return;
        }
        context.Response.StatusCode = 404;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{ "errors": [ { "code": "resource_not_found", "message": "not found" } ] }""");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
