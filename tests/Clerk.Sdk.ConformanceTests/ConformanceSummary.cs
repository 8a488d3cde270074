using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;

namespace Clerk.Sdk.ConformanceTests;

/// <summary>
/// Collects every case's outcome and prints, at the end, one line:
/// <c>conformance: N/239 operations pass (static), N/239 (dynamic)</c>. An operation passes a mode when it has cases
/// in that mode and all of them passed; one without cases (skipped, filtered out, not bound) counts as a failure and is
/// listed with the reason. The line is also written to <c>TestResults/conformance-summary.txt</c> for build/test.sh.
/// </summary>
internal static class ConformanceSummary
{
    public const string Static = "static";
    public const string Dynamic = "dynamic";
    public const string Errors = "errors";

    private static readonly ConcurrentDictionary<(string Mode, string Operation), ConcurrentQueue<(string Case, string? Failure)>> Outcomes = new();

    /// <summary>The summary file build/test.sh prints (the test runner may hide console output).</summary>
    public static string SummaryFile => Path.Combine(ConformancePaths.Root, "TestResults", "conformance-summary.txt");

    public static void Record(string mode, string operation, string caseName, string? failure) =>
        Outcomes.GetOrAdd((mode, operation), _ => new()).Enqueue((caseName, failure));

    public static void Report(TimeSpan elapsed)
    {
        var operations = Specs.Normalized.Operations.Select(o => o.Id).ToList();
        var text = new StringBuilder();
        var failures = new List<string>();
        int Passing(string mode)
        {
            var count = 0;
            foreach (var operation in operations)
            {
                if (!Outcomes.TryGetValue((mode, operation), out var cases) || cases.IsEmpty)
                {
                    failures.Add($"  {mode} {operation}: skipped (no case ran)");
                    continue;
                }
                var failed = cases.Where(c => c.Failure is not null).ToList();
                if (failed.Count == 0) count++;
                else failures.AddRange(failed.Select(f => $"  {mode} {f.Case}: {FirstLine(f.Failure!)}"));
            }
            return count;
        }
        var staticPass = Passing(Static);
        var dynamicPass = Passing(Dynamic);
        var errorCases = Outcomes.Where(o => o.Key.Mode == Errors).SelectMany(o => o.Value).ToList();
        foreach (var failed in errorCases.Where(c => c.Failure is not null)) failures.Add($"  {Errors} {failed.Case}: {FirstLine(failed.Failure!)}");
        text.AppendLine($"conformance: {staticPass}/{operations.Count} operations pass (static), {dynamicPass}/{operations.Count} (dynamic)");
        text.AppendLine($"conformance: {errorCases.Count(c => c.Failure is null)}/{errorCases.Count} error responses (Prefer: code=401/404/422) map to ClerkApiException; {elapsed.TotalSeconds:0.0} s");
        foreach (var failure in failures.Order(StringComparer.Ordinal)) text.AppendLine(failure);
        var summary = text.ToString().TrimEnd();
        TestContext.Progress.WriteLine(summary);
        Directory.CreateDirectory(Path.GetDirectoryName(SummaryFile)!);
        File.WriteAllText(SummaryFile, summary + Environment.NewLine);
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}
