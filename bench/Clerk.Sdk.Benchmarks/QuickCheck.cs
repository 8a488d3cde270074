using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace Clerk.Sdk.Benchmarks;

/// <summary>
/// <c>--quick [calls]</c>: a fast cross-check of <see cref="ApiCallBenchmarks"/> without BenchmarkDotNet, for a shared
/// machine: bytes allocated per call (process-wide, after a warm-up; allocations do not depend on load) and the median
/// and mean time per call with the contenders taking turns call by call (so load that comes and goes hits all of them
/// alike), each with its ratio to raw HttpClient + Newtonsoft. The reference figures are BenchmarkDotNet's
/// (bench/README.md).
/// </summary>
public static class QuickCheck
{
    public static async Task<int> RunAsync(int calls)
    {
        var bench = new ApiCallBenchmarks();
        bench.Setup();
        try
        {
            var listCalls = Math.Max(2, calls / 100);
            var groups = new[]
            {
                ("Get user", calls, new (string Name, Func<Task> Call)[]
                {
                    ("raw HttpClient + Newtonsoft", () => bench.Get_RawNewtonsoft()),
                    ("raw HttpClient + System.Text.Json", () => bench.Get_RawSystemTextJson()),
                    ("raw HttpClient, no JSON", () => bench.Get_RawNoJson()),
                    ("ClerkClient", () => bench.Get_Sdk()),
                    ("ClerkClient, ReadResponseAsString", () => bench.Get_SdkStringRead()),
                }),
                ("List 500 users", listCalls, new (string Name, Func<Task> Call)[]
                {
                    ("raw HttpClient + Newtonsoft", () => bench.List_RawNewtonsoft()),
                    ("raw HttpClient + System.Text.Json", () => bench.List_RawSystemTextJson()),
                    ("raw HttpClient, no JSON", () => bench.List_RawNoJson()),
                    ("ClerkClient", () => bench.List_Sdk()),
                    ("ClerkClient, ReadResponseAsString", () => bench.List_SdkStringRead()),
                }),
            };
            foreach (var (group, n, rows) in groups)
            {
                Console.WriteLine($"{group}: {n:N0} calls per contender, after a warm-up; bytes allocated per call, and time per call with the contenders taking turns call by call");
                var allocated = new double[rows.Length];
                for (var r = 0; r < rows.Length; r++)
                {
                    for (var i = 0; i < Math.Max(5, n / 10); i++) await rows[r].Call().ConfigureAwait(false);
                    var before = GC.GetTotalAllocatedBytes(precise: true);
                    for (var i = 0; i < n; i++) await rows[r].Call().ConfigureAwait(false);
                    allocated[r] = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)n;
                }
                // Times: one call of each contender in turn, n rounds, every call timed on its own: load that comes and
                // goes hits all of them alike (batches of one contender at a time do not compare on a busy machine).
                var samples = rows.Select(_ => new double[n]).ToArray();
                for (var round = 0; round < n; round++)
                {
                    for (var r = 0; r < rows.Length; r++)
                    {
                        var start = Stopwatch.GetTimestamp();
                        await rows[r].Call().ConfigureAwait(false);
                        samples[r][round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                    }
                }
                var medians = samples.Select(s => s.Order().ElementAt(s.Length / 2)).ToArray();
                var means = samples.Select(s => s.Average()).ToArray();
                Console.WriteLine($"  {"contender",-36} {"median",12} {"ratio",6}  {"mean",12} {"ratio",6}  {"allocated",14} {"ratio",6}");
                for (var r = 0; r < rows.Length; r++)
                {
                    Console.WriteLine($"  {rows[r].Name,-36} {medians[r],9:N1} us {medians[r] / medians[0],6:0.00}  {means[r],9:N1} us {means[r] / means[0],6:0.00}  {allocated[r],12:N0} B {allocated[r] / allocated[0],6:0.000}");
                }
            }
            Console.WriteLine($"load average {string.Join(" ", System.IO.File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}");
        }
        finally
        {
            bench.Cleanup();
        }
        return 0;
    }
}
