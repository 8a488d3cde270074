using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using Clerk.Sdk.TestKit;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Fuzzing;

/// <summary>
/// Counts the inputs each fuzz harness and property ran and whether it failed, and writes the total to
/// <c>TestResults/fuzz-summary.txt</c> once every test of this namespace has run (build/test.sh prints it as
/// <c>fuzz: N inputs, F failures</c>). The budget per harness is <c>CLERK_FUZZ_ITERATIONS</c> (default
/// <see cref="DefaultIterations"/>; build/fuzz.sh gives it a longer one).
/// </summary>
[SetUpFixture]
public sealed class FuzzLedger
{
    /// <summary>Inputs per harness in an ordinary test run.</summary>
    public const int DefaultIterations = 2000;

    private static readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);

    /// <summary>The inputs each harness runs.</summary>
    public static long Iterations { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("CLERK_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : DefaultIterations;

    /// <summary>Counts one input of <paramref name="harness"/>.</summary>
    public static void Ran(string harness) => Interlocked.Increment(ref Entries.GetOrAdd(harness, _ => new Entry()).Inputs);

    /// <summary>Records that <paramref name="harness"/> failed (an input broke its contract).</summary>
    public static void Failed(string harness) => Entries.GetOrAdd(harness, _ => new Entry()).Failed = true;

    /// <summary>Writes the summary.</summary>
    [OneTimeTearDown]
    public void WriteSummary()
    {
        if (Entries.IsEmpty) return;
        var inputs = Entries.Values.Sum(e => Interlocked.Read(ref e.Inputs));
        var failures = Entries.Values.Count(e => e.Failed);
        var detail = string.Join(", ", Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value.Inputs}{(e.Value.Failed ? " FAILED" : "")}"));
        var file = Path.Combine(RepoPaths.Root, "TestResults", "fuzz-summary.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, $"fuzz: {inputs} inputs, {failures} failures ({Entries.Count} harnesses: {detail})\n");
    }

    private sealed class Entry
    {
        public long Inputs;
        public volatile bool Failed;
    }
}
