using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Clerk.Sdk.Testing.Tests.Validation;

/// <summary>Every response of the fake validated in this test run: counts per operation and the findings.</summary>
internal static class ValidationLedger
{
    private static readonly ConcurrentDictionary<string, int> PerOperation = new();
    private static readonly ConcurrentQueue<string> Findings = new();
    private static int _responses;

    public static int Responses => _responses;

    public static IReadOnlyDictionary<string, int> Operations => PerOperation;

    public static IReadOnlyCollection<string> AllFindings => Findings.ToArray();

    public static void Record(string operationId, int status, IReadOnlyList<string> findings, string request)
    {
        Interlocked.Increment(ref _responses);
        PerOperation.AddOrUpdate(operationId, 1, (_, n) => n + 1);
        foreach (var finding in findings)
        {
            Findings.Enqueue($"{request} → {status}: {finding}");
        }
    }

    public static IEnumerable<string> Summary() =>
        new[] { $"fake responses validated against the spec: {Responses} responses, {PerOperation.Count} operations, {Findings.Count} findings" }
            .Concat(PerOperation.OrderBy(p => p.Key).Select(p => $"  {p.Key,-45} {p.Value,4}"))
            .Concat(Findings.Take(20).Select(f => "  finding: " + f));
}
