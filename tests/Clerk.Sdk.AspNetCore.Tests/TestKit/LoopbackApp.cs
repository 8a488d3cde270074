using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.AspNetCore.Tests.TestKit;

/// <summary>A real ASP.NET Core app on Kestrel, bound to 127.0.0.1 on a free port, with an HttpClient to call it and its logs captured.</summary>
internal sealed class LoopbackApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackApp(WebApplication app, Uri baseAddress, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Builds the app with <paramref name="settings"/> as configuration, the services and endpoints given, and starts it.</summary>
    public static async Task<LoopbackApp> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder> services, Action<WebApplication> endpoints)
    {
        var builder = Loopback.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        services(builder);
        var app = builder.Build();
        endpoints(app);
        await app.StartAsync();
        var address = Loopback.AddressOf(app);
        return new LoopbackApp(app, new Uri(address), logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
