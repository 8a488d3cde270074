using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.Sdk.ConformanceTests.Prism;
using NUnit.Framework;

namespace Clerk.Sdk.ConformanceTests;

/// <summary>
/// Starts the Prism servers once for the assembly, all in parallel: for each API (<see cref="ConformanceApi.All"/>) one
/// static server (examples built from the schemas) and one dynamic server per seed (<c>-d --seed N</c>: random values,
/// nulls and enum members, reproducible), each serving that API's mock document. At the end it prints the summary
/// lines and kills every Prism process tree.
/// </summary>
[SetUpFixture]
public sealed class ConformanceEnvironment
{
    /// <summary>The seeds of the dynamic servers; each adds one case per operation.</summary>
    public static readonly int[] Seeds = [1, 2, 3];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly List<PrismServer> Servers = new();
    private static readonly Dictionary<(string Api, string Name), PrismServer> ByName = new();
    private static readonly Stopwatch Clock = new();

    private static readonly Dictionary<string, HttpMessageHandler> Transports = ConformanceApi.All.ToDictionary(
        api => api.Name,
        api => (HttpMessageHandler)new SocketsHttpHandler
        {
            // As the facade's own transport does: the Frontend API client returns redirects, it does not follow them.
            AllowAutoRedirect = api.FollowsRedirects,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // Below Node's 5 s keep-alive timeout, so a pooled connection is never reused just as Prism closes it.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2),
        });

    /// <summary>The connection pool every case's HttpClient of an API shares (each case adds its own capturing handler).</summary>
    internal static HttpMessageHandler Connections(ConformanceApi api) => Transports[api.Name];

    /// <summary>The static server of an API.</summary>
    internal static PrismServer Static(ConformanceApi api) => Server(api, StaticName);

    /// <summary>The dynamic server of an API and seed.</summary>
    internal static PrismServer Dynamic(ConformanceApi api, int seed) => Server(api, DynamicName(seed));

    /// <summary>The server for a forced error: a dynamic one (random error codes), chosen by a stable hash to spread the load.</summary>
    internal static PrismServer ForErrors(ConformanceApi api, string operationId, int status)
    {
        var hash = 0;
        foreach (var c in operationId + status.ToString(CultureInfo.InvariantCulture)) hash = unchecked((hash * 31) + c);
        return Dynamic(api, Seeds[(hash & int.MaxValue) % Seeds.Length]);
    }

    /// <summary>How long the Prism servers took to start (all in parallel).</summary>
    internal static TimeSpan StartupTime { get; private set; }

    [OneTimeSetUp]
    public async Task StartPrism()
    {
        Clock.Start();
        var cli = ConformancePaths.Require(ConformancePaths.PrismCli,
            "the conformance suite runs Stoplight Prism from tests/node_modules: run build/test.sh, or 'npm ci' in tests/ (Node 20).");
        var starts = new List<(ConformanceApi Api, Task<PrismServer> Start)>();
        foreach (var api in ConformanceApi.All)
        {
            var spec = ConformancePaths.Require(api.MockSpecPath, "it is written by the Clerk.Sdk build (spec tool --mock-out); run 'dotnet build src/Clerk.Sdk'.");
            starts.Add((api, PrismServer.StartAsync($"{api.Name} {StaticName}", cli, spec, ["-v", "warn"], StartTimeout)));
            starts.AddRange(Seeds.Select(seed => (api, PrismServer.StartAsync(
                $"{api.Name} {DynamicName(seed)}", cli, spec, ["-v", "warn", "-d", "--seed", seed.ToString(CultureInfo.InvariantCulture)], StartTimeout))));
        }
        try
        {
            await Task.WhenAll(starts.Select(s => s.Start)).ConfigureAwait(false);
        }
        finally
        {
            // Keep whatever started, so the teardown kills it even when another one failed.
            foreach (var (api, start) in starts.Where(s => s.Start.IsCompletedSuccessfully))
            {
                Servers.Add(start.Result);
                ByName[(api.Name, start.Result.Name[(api.Name.Length + 1)..])] = start.Result;
            }
        }
        StartupTime = Clock.Elapsed;
        TestContext.Progress.WriteLine($"conformance: {Servers.Count} Prism servers up in {Clock.Elapsed.TotalSeconds:0.0} s ({string.Join(", ", Servers.Select(s => $"{s.Name} {s.BaseUrl}"))})");
    }

    [OneTimeTearDown]
    public void StopPrism()
    {
        foreach (var server in Servers) server.Dispose();
        Servers.Clear();
        ByName.Clear();
        foreach (var transport in Transports.Values) transport.Dispose();
        ConformanceSummary.Report(Clock.Elapsed);
    }

    private const string StaticName = "static";

    private static string DynamicName(int seed) => $"dynamic seed {seed}";

    private static PrismServer Server(ConformanceApi api, string name) =>
        ByName.TryGetValue((api.Name, name), out var server)
            ? server
            : throw new InvalidOperationException($"Prism ({api.Name} {name}) is not running; see the OneTimeSetUp failure.");
}
