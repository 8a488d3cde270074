using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Sdk.Benchmarks;

/// <summary>
/// <c>clerk.Users.ListAsync().WithPageSize(500)</c> (cursor paging) over N users (default 100,000) from <see cref="LoopbackClerkServer"/>:
/// throughput in items per second and the managed memory it holds, next to the size of one page and of the whole set.
/// A custom measurement, not BenchmarkDotNet: peak memory is not something BenchmarkDotNet reports.
/// <list type="number">
/// <item>Check pass: every user id is seen exactly once (as tests/Clerk.Sdk.Tests/Paging/LargeListTests.cs asserts).</item>
/// <item>Timed passes: wall time and allocated bytes per pass; beside each pass (before it on odd passes, after it on
/// even ones) as many single <c>GetPageAsync(cursor, pageSizeHint: 500)</c> calls as the walk has pages, each for a page
/// from the middle (the server does for it what it does for every page of the walk): the rate the walk is compared with,
/// pass by pass. A sampler thread reads the GC heap size
/// (<c>GC.GetTotalMemory(false)</c>: live objects and garbage not yet collected) every millisecond; the peak is reported.</item>
/// <item>Live pass (slow, not timed): a full blocking GC at the first and the middle item of every page, then
/// <c>GC.GetTotalMemory(true)</c>: the memory the enumeration really holds, the figure that must stay near one page.</item>
/// </list>
/// Everything is reported as the increase over the heap of the idle process (server payloads and clients included).
/// </summary>
public static class ListAllMeasurement
{
    private const int PageSize = 500;
    private const string SecretKey = "sk_test_BenchmarkBenchmarkBenchmarkBenchmark00";

    public static async Task<int> RunAsync(long users, int passes)
    {
        Console.WriteLine($"Users.ListAsync().WithPageSize({PageSize}) (cursor) over {users:N0} users from a loopback Kestrel server, {passes} timed pass(es)");
        Console.WriteLine($"runtime {Environment.Version}, {Environment.ProcessorCount} cores, GC {(GCSettings.IsServerGC ? "server" : "workstation")}{(GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : "")}, load average {LoadAverage()}");
        await using var server = await LoopbackClerkServer.StartAsync(users).ConfigureAwait(false);
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = SecretKey, ApiUrl = server.BaseUrl });

        // 1. Check pass (also the warm-up: JIT, serializer contracts, connection, pools).
        var seen = new bool[users];
        long count = 0, duplicates = 0;
        await foreach (var user in clerk.Users.ListAsync().WithPageSize(PageSize).ConfigureAwait(false))
        {
            var index = long.Parse(user.Id.AsSpan("user_2bench".Length), NumberStyles.None, CultureInfo.InvariantCulture);
            if (seen[index]) duplicates++;
            seen[index] = true;
            count++;
        }
        seen = null;
        if (count != users || duplicates != 0)
        {
            Console.WriteLine($"FAILED: {count:N0} items, {duplicates:N0} duplicates");
            return 1;
        }
        Console.WriteLine($"check: {count:N0} items, each id exactly once");
        var pages = (users + PageSize - 1) / PageSize;

        // Sizes, after the warm-up: one page on the wire and as objects (the generated model, deserialized from
        // memory); the whole set is N / page size of those. Task.Yield: measure from a fresh stack, not from inside
        // the completion of the last request (whose frames still reference its data).
        await Task.Yield();
        var pageJson = server.PageJson(PageSize).Length;
        var idle = Settle();
        List<Clerk.BackendApi.User>? page;
        using (var reader = new Newtonsoft.Json.JsonTextReader(new System.IO.StreamReader(new System.IO.MemoryStream(server.PageJson(PageSize)))))
        {
            page = Newtonsoft.Json.JsonSerializer.CreateDefault().Deserialize<List<Clerk.BackendApi.User>>(reader);
        }
        var pageObjects = Settle() - idle;
        GC.KeepAlive(page);
        page = null;
        Console.WriteLine($"one page: {MB(pageJson)} JSON, {MB(pageObjects)} as objects (live); whole set: {MB(pageJson * pages)} JSON, {MB(pageObjects * pages)} as objects");

        // 2. Timed passes, each beside a batch of single List(500) calls in the same process (the walk's baseline): one
        // call per page of the walk, each for a page from the middle by cursor, so the server does for it what it does
        // for every page of the walk (copy the page, patch its ids).
        var rates = new List<double>();
        var singleRates = new List<double>();
        var middle = ClerkPayloads.UserId(Math.Max(0, users / 2 - 1));
        var ratios = new List<double>();
        async Task<double> SingleCallsAsync()
        {
            await Task.Yield();
            Settle();
            var single = Stopwatch.StartNew();
            long singleItems = 0;
            for (var call = 0; call < pages; call++)
            {
                var one = await clerk.Users.ListAsync().GetPageAsync(middle, pageSizeHint: PageSize).ConfigureAwait(false);
                singleItems += one.Count;
            }
            return singleItems / single.Elapsed.TotalSeconds;
        }
        long peakHeap = 0;
        long allocatedPerPass = 0;
        for (var pass = 1; pass <= passes; pass++)
        {
            // Odd passes measure the single calls first, even passes the walk first: neither always follows the other.
            if (pass % 2 == 1) singleRates.Add(await SingleCallsAsync().ConfigureAwait(false));
            await Task.Yield();
            var baseline = Settle();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var gen2Before = GC.CollectionCount(2);
            using var sampler = new HeapSampler();
            var stopwatch = Stopwatch.StartNew();
            long items = 0;
            await foreach (var user in clerk.Users.ListAsync().WithPageSize(PageSize).ConfigureAwait(false))
            {
                items += user.Id.Length > 0 ? 1 : 0;
            }
            stopwatch.Stop();
            var peak = sampler.Stop() - baseline;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var rate = items / stopwatch.Elapsed.TotalSeconds;
            rates.Add(rate);
            peakHeap = Math.Max(peakHeap, peak);
            allocatedPerPass = allocated;
            if (pass % 2 == 0) singleRates.Add(await SingleCallsAsync().ConfigureAwait(false));
            ratios.Add(rate / singleRates[^1]);
            Console.WriteLine($"pass {pass}: {pages:N0} single List({PageSize}) calls: {singleRates[^1]:N0} items/s; the walk: {items:N0} items in {stopwatch.Elapsed.TotalSeconds:0.00} s = {rate:N0} items/s ({ratios[^1]:0.00}x); allocated {MB(allocated)} ({allocated / items:N0} B/item); peak GC heap +{MB(peak)} (sampled, garbage included); gen2 GCs {GC.CollectionCount(2) - gen2Before}");
        }

        // 3. Live pass.
        {
            await Task.Yield();
            var baseline = Settle();
            long maxLive = 0, i = 0;
            await foreach (var user in clerk.Users.ListAsync().WithPageSize(PageSize).ConfigureAwait(false))
            {
                if (i % PageSize == 0 || i % PageSize == PageSize / 2)
                {
                    maxLive = Math.Max(maxLive, Settle() - baseline);
                }
                i++;
            }
            Console.WriteLine($"live: at most +{MB(maxLive)} held during the enumeration (full GC at the first and middle item of each of {pages:N0} pages)");
            rates.Sort();
            singleRates.Sort();
            ratios.Sort();
            var median = rates[rates.Count / 2];
            var singleMedian = singleRates[singleRates.Count / 2];
            Console.WriteLine();
            Console.WriteLine("| measure | value |");
            Console.WriteLine("| --- | ---: |");
            Console.WriteLine($"| throughput (median of {passes} passes) | {median:N0} items/s ({median * pageJson / PageSize / 1e6:0.0} MB/s of JSON) |");
            Console.WriteLine($"| single List({PageSize}) calls of a middle page, same run (median of {passes} batches of {pages:N0}) | {singleMedian:N0} items/s |");
            Console.WriteLine($"| the walk's rate / the single calls' rate (median of the passes' ratios) | {ratios[ratios.Count / 2]:0.00}x |");
            Console.WriteLine($"| allocated per pass | {MB(allocatedPerPass)} ({allocatedPerPass / users:N0} B/item) |");
            Console.WriteLine($"| live managed memory held (max over pages) | {MB(maxLive)} |");
            Console.WriteLine($"| peak GC heap, garbage included (sampled 1 ms) | {MB(peakHeap)} |");
            Console.WriteLine($"| one page: JSON / objects | {MB(pageJson)} / {MB(pageObjects)} |");
            Console.WriteLine($"| whole set: JSON / objects | {MB(pageJson * pages)} / {MB(pageObjects * pages)} |");
            Console.WriteLine($"| process peak working set (runtime, server and client) | {MB(Process.GetCurrentProcess().PeakWorkingSet64)} |");
        }
        return 0;
    }

    /// <summary>Full blocking collections until the heap is stable; returns the live managed bytes.</summary>
    private static long Settle()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string MB(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.00", CultureInfo.InvariantCulture) + " MiB";

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(" ", System.IO.File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (System.IO.IOException)
        {
            return "n/a";
        }
    }

    /// <summary>Samples <c>GC.GetTotalMemory(false)</c> every millisecond on its own thread and keeps the peak.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public HeapSampler()
        {
            _peak = GC.GetTotalMemory(false);
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    var now = GC.GetTotalMemory(false);
                    if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
                    Thread.Sleep(1);
                }
            }) { IsBackground = true, Name = "heap sampler" };
            _thread.Start();
        }

        public long Stop()
        {
            _stop = true;
            _thread.Join();
            return Interlocked.Read(ref _peak);
        }

        public void Dispose() => Stop();
    }
}
