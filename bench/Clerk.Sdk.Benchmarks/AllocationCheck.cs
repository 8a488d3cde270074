using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Clerk.Sdk.Benchmarks;

/// <summary>
/// <c>--allocations</c>: a quick, load-proof look at <see cref="ApiCallBenchmarks"/> without BenchmarkDotNet: bytes
/// allocated per call (process-wide, averaged over many calls after a warm-up) for each contender and the ratio to raw
/// HttpClient + Newtonsoft. Allocations do not depend on machine load, unlike times; use BenchmarkDotNet for times.
/// </summary>
public static class AllocationCheck
{
    public static async Task<int> RunAsync(int calls)
    {
        var bench = new ApiCallBenchmarks();
        bench.Setup();
        try
        {
            var rows = new List<(string Name, Func<Task> Call, int Calls)>
            {
                ("Get: raw HttpClient + Newtonsoft", () => bench.Get_RawNewtonsoft(), calls),
                ("Get: raw HttpClient + System.Text.Json", () => bench.Get_RawSystemTextJson(), calls),
                ("Get: raw HttpClient, no JSON", () => bench.Get_RawNoJson(), calls),
                ("Get: ClerkClient", () => bench.Get_Sdk(), calls),
                ("Get: ClerkClient, ReadResponseAsString", () => bench.Get_SdkStringRead(), calls),
                ("List 500: raw HttpClient + Newtonsoft", () => bench.List_RawNewtonsoft(), Math.Max(1, calls / 50)),
                ("List 500: raw HttpClient + System.Text.Json", () => bench.List_RawSystemTextJson(), Math.Max(1, calls / 50)),
                ("List 500: raw HttpClient, no JSON", () => bench.List_RawNoJson(), Math.Max(1, calls / 50)),
                ("List 500: ClerkClient", () => bench.List_Sdk(), Math.Max(1, calls / 50)),
                ("List 500: ClerkClient, ReadResponseAsString", () => bench.List_SdkStringRead(), Math.Max(1, calls / 50)),
            };
            double? baseline = null;
            foreach (var (name, call, n) in rows)
            {
                for (var i = 0; i < Math.Max(5, n / 10); i++) await call().ConfigureAwait(false);
                var before = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 0; i < n; i++) await call().ConfigureAwait(false);
                var perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)n;
                if (name.EndsWith("raw HttpClient + Newtonsoft", StringComparison.Ordinal)) baseline = perCall;
                Console.WriteLine($"{name,-50} {perCall,14:N0} B/call  {perCall / baseline!.Value,6:0.000}x");
            }
        }
        finally
        {
            bench.Cleanup();
        }
        return 0;
    }
}
