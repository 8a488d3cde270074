using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using NUnit.Framework;

namespace Clerk.Sdk.ConformanceTests;

/// <summary>
/// Collects every case's outcome and prints, at the end, one line per API:
/// <c>conformance: N/239 operations pass (static), N/239 (dynamic)</c> and
/// <c>conformance (Frontend API): N/192 operations pass (static), N/192 (dynamic)</c>, each followed by its error
/// responses line. An operation passes a mode when it has cases in that mode and all of them passed; one without cases
/// (skipped, filtered out, not bound) counts as a failure and is listed with the reason. The lines are also written to
/// <c>TestResults/conformance-summary.txt</c> for build/test.sh; every failure in full to
/// <c>TestResults/conformance-failures.txt</c>.
/// </summary>
internal static class ConformanceSummary
{
    public const string Static = "static";
    public const string Dynamic = "dynamic";
    public const string Errors = "errors";

    private static readonly ConcurrentDictionary<(string Api, string Mode, string Operation), ConcurrentQueue<(string Case, string? Failure)>> Outcomes = new();

    /// <summary>The summary file build/test.sh prints (the test runner may hide console output).</summary>
    public static string SummaryFile => Path.Combine(ConformancePaths.Root, "TestResults", "conformance-summary.txt");

    /// <summary>Every failed case with all its failures and exchanges (the summary shows each one's first line).</summary>
    public static string FailuresFile => Path.Combine(ConformancePaths.Root, "TestResults", "conformance-failures.txt");

    private static readonly ConcurrentDictionary<string, int[]> NullsSent = new();

    /// <summary>Counts the explicit nulls one case sent (and Prism accepted).</summary>
    public static void RecordNulls(ConformanceApi api, int count)
    {
        var counts = NullsSent.GetOrAdd(api.Name, _ => new int[2]);
        Interlocked.Add(ref counts[0], count);
        Interlocked.Increment(ref counts[1]);
    }

    private static readonly ConcurrentDictionary<string, int[]> StrictReads = new();

    /// <summary>
    /// Counts one successful response read by the strict client, whether it lacked a required field, and whether that was
    /// Prism's static sampler writing <c>{}</c> at its depth limit.
    /// </summary>
    public static void RecordStrict(ConformanceApi api, bool missing, bool samplerArtifact = false)
    {
        var counts = StrictReads.GetOrAdd(api.Name, _ => new int[3]);
        Interlocked.Increment(ref counts[0]);
        if (missing) Interlocked.Increment(ref counts[1]);
        if (samplerArtifact) Interlocked.Increment(ref counts[2]);
    }

    public static void Record(ConformanceApi api, string mode, string operation, string caseName, string? failure) =>
        Outcomes.GetOrAdd((api.Name, mode, operation), _ => new()).Enqueue((caseName, failure));

    public static void Report(TimeSpan elapsed)
    {
        var lines = new List<string>();
        var failures = new List<string>();
        foreach (var api in ConformanceApi.All) lines.AddRange(Report(api, failures));
        lines.Add($"conformance: {elapsed.TotalSeconds:0.0} s for {ConformanceApi.All.Count} APIs ({ConformanceEnvironment.StartupTime.TotalSeconds:0.0} s to start Prism)");
        var text = new StringBuilder();
        foreach (var line in lines) text.AppendLine(line);
        foreach (var failure in failures) text.AppendLine(failure);
        var summary = text.ToString().TrimEnd();
        TestContext.Progress.WriteLine(summary);
        Directory.CreateDirectory(Path.GetDirectoryName(SummaryFile)!);
        File.WriteAllText(SummaryFile, summary + Environment.NewLine);
        var details = new StringBuilder();
        foreach (var ((api, mode, _), cases) in Outcomes.OrderBy(o => o.Key.Api, StringComparer.Ordinal).ThenBy(o => o.Key.Mode, StringComparer.Ordinal).ThenBy(o => o.Key.Operation, StringComparer.Ordinal))
        {
            foreach (var (caseName, failure) in cases.Where(c => c.Failure is not null).OrderBy(c => c.Case, StringComparer.Ordinal))
            {
                details.AppendLine($"{api} {mode} {caseName}:").AppendLine(failure).AppendLine();
            }
        }
        File.WriteAllText(FailuresFile, details.Length == 0 ? "no failures" + Environment.NewLine : details.ToString());
    }

    private static List<string> Report(ConformanceApi api, List<string> allFailures)
    {
        var operations = api.Normalized.Operations.Select(o => o.Id).ToList();
        var failures = new List<string>();
        int Passing(string mode)
        {
            var count = 0;
            foreach (var operation in operations)
            {
                if (!Outcomes.TryGetValue((api.Name, mode, operation), out var cases) || cases.IsEmpty)
                {
                    failures.Add($"  {api.Name} {mode} {operation}: skipped (no case ran)");
                    continue;
                }
                var failed = cases.Where(c => c.Failure is not null).ToList();
                if (failed.Count == 0) count++;
                else failures.AddRange(failed.Select(f => $"  {api.Name} {mode} {f.Case}: {FirstLine(f.Failure!)}"));
            }
            return count;
        }
        var staticPass = Passing(Static);
        var dynamicPass = Passing(Dynamic);
        var errorCases = Outcomes.Where(o => o.Key.Api == api.Name && o.Key.Mode == Errors).SelectMany(o => o.Value).ToList();
        foreach (var failed in errorCases.Where(c => c.Failure is not null)) failures.Add($"  {api.Name} {Errors} {failed.Case}: {FirstLine(failed.Failure!)}");
        allFailures.AddRange(failures.Order(StringComparer.Ordinal));
        return
        [
            $"{api.SummaryLabel}: {staticPass}/{operations.Count} operations pass (static), {dynamicPass}/{operations.Count} (dynamic)",
            $"{api.SummaryLabel}: {errorCases.Count(c => c.Failure is null)}/{errorCases.Count} error responses (Prefer: code=401/404/422) map to ClerkApiException",
            $"{api.SummaryLabel}: {(NullsSent.TryGetValue(api.Name, out var nulls) ? nulls[0] : 0)} explicit nulls sent in {(nulls is null ? 0 : nulls[1])} operations (nullable body properties assigned null, validated by Prism)",
            $"{api.SummaryLabel}: strict responses: {(StrictReads.TryGetValue(api.Name, out var strict) ? strict[0] : 0)} read with StrictResponses, {(strict is null ? 0 : strict[1])} missing a required field" +
                (strict is { } s && s[2] > 0 ? $" ({s[2]} of them Prism's static sampler writing {{}} at its depth limit, not a finding)" : ""),
        ];
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}
