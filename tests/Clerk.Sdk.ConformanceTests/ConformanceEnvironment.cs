using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.Sdk.ConformanceTests.Prism;
using NUnit.Framework;

namespace Clerk.Sdk.ConformanceTests;

/// <summary>
/// Starts the Prism servers once for the assembly, in parallel: one static (examples built from the schemas) and one
/// dynamic per seed (<c>-d --seed N</c>: random values, nulls and enum members, reproducible). All serve the mock
/// document. At the end it prints the summary line and kills every Prism process tree.
/// </summary>
[SetUpFixture]
public sealed class ConformanceEnvironment
{
    /// <summary>The seeds of the dynamic servers; each adds one case per operation.</summary>
    public static readonly int[] Seeds = [1, 2, 3];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly List<PrismServer> Servers = new();
    private static readonly Stopwatch Clock = new();

    /// <summary>The static server.</summary>
    internal static PrismServer Static => Servers.Count > 0 ? Servers[0] : throw new InvalidOperationException("Prism is not running; see the OneTimeSetUp failure.");

    /// <summary>The connection pool every case's HttpClient shares (each case adds its own capturing handler).</summary>
    /// <remarks>
    /// Idle connections are dropped after 2 s, before Node's 5 s keep-alive timeout closes them on Prism's side: reusing
    /// a connection the server is closing fails the request ("An error occurred while sending the request").
    /// </remarks>
    internal static HttpMessageHandler Connections { get; } = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2) };

    /// <summary>The server for a forced error: a dynamic one (random error codes), chosen by a stable hash to spread the load.</summary>
    internal static PrismServer ForErrors(string operationId, int status)
    {
        var hash = 0;
        foreach (var c in operationId + status.ToString(System.Globalization.CultureInfo.InvariantCulture)) hash = unchecked((hash * 31) + c);
        return Dynamic(Seeds[(hash & int.MaxValue) % Seeds.Length]);
    }

    /// <summary>The dynamic server of a seed.</summary>
    internal static PrismServer Dynamic(int seed) => Servers.Single(s => s.Name == DynamicName(seed));

    [OneTimeSetUp]
    public async Task StartPrism()
    {
        Clock.Start();
        var cli = ConformancePaths.Require(ConformancePaths.PrismCli,
            "the conformance suite runs Stoplight Prism from tests/node_modules: run build/test.sh, or 'npm ci' in tests/ (Node 20).");
        var spec = ConformancePaths.Require(ConformancePaths.MockSpec, "it is written by the Clerk.Sdk build (spec tool --mock-out); run 'dotnet build src/Clerk.Sdk'.");
        var starts = new List<Task<PrismServer>> { PrismServer.StartAsync("static", cli, spec, ["-v", "warn"], StartTimeout) };
        starts.AddRange(Seeds.Select(seed => PrismServer.StartAsync(DynamicName(seed), cli, spec, ["-v", "warn", "-d", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)], StartTimeout)));
        try
        {
            await Task.WhenAll(starts).ConfigureAwait(false);
        }
        finally
        {
            // Keep whatever started, so the teardown kills it even when another one failed.
            Servers.AddRange(starts.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result).OrderBy(s => s.Name == "static" ? 0 : 1));
        }
        TestContext.Progress.WriteLine($"conformance: {Servers.Count} Prism servers up in {Clock.Elapsed.TotalSeconds:0.0} s ({string.Join(", ", Servers.Select(s => $"{s.Name} {s.BaseUrl}"))})");
    }

    [OneTimeTearDown]
    public void StopPrism()
    {
        foreach (var server in Servers) server.Dispose();
        Servers.Clear();
        Connections.Dispose();
        ConformanceSummary.Report(Clock.Elapsed);
    }

    private static string DynamicName(int seed) => $"dynamic seed {seed}";
}
