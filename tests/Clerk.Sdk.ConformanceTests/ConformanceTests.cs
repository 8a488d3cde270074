using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Clerk.Sdk.ConformanceTests.Invocation;
using Clerk.Sdk.ConformanceTests.Synthesis;
using NUnit.Framework;

[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(12)]

namespace Clerk.Sdk.ConformanceTests;

/// <summary>
/// One case per operation of the normalized spec and variant, each calling the public facade method against Prism:
/// <c>Static(Users_List, required)</c>, <c>Static(Users_List, all)</c>, <c>Dynamic(Users_List, seed 3)</c>, and
/// <c>Errors(Users_Get, 404)</c> for each of 401/404/422 the operation's spec declares (served by the dynamic servers,
/// so the error bodies carry random codes and messages, spread over them to balance the load).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public class ConformanceTests
{
    /// <summary>The forced error statuses checked where the spec declares them.</summary>
    private static readonly int[] ErrorStatuses = [401, 404, 422];

    public static IEnumerable<TestCaseData> StaticCases() =>
        from operation in Specs.Normalized.Operations
        from variant in new[] { "required", "all" }
        select new TestCaseData(operation.Id, variant).SetName($"Static({operation.Id}, {variant})");

    public static IEnumerable<TestCaseData> DynamicCases() =>
        from operation in Specs.Normalized.Operations
        from seed in ConformanceEnvironment.Seeds
        select new TestCaseData(operation.Id, seed).SetName($"Dynamic({operation.Id}, seed {seed})");

    public static IEnumerable<TestCaseData> ErrorCases() =>
        from operation in Specs.Normalized.Operations
        let declared = Specs.Mock.ById.TryGetValue(operation.Id, out var mock) ? mock.ResponseCodes : []
        from status in ErrorStatuses
        where declared.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture))
        select new TestCaseData(operation.Id, status).SetName($"Errors({operation.Id}, {status})");

    [TestCaseSource(nameof(StaticCases))]
    public async Task Static(string operationId, string variant)
    {
        var failures = await Run(ConformanceSummary.Static, operationId, $"{operationId}, {variant}",
            () => CaseRunner.SucceedAsync(Specs.Normalized.ById[operationId], variant == "all" ? Variant.All : Variant.Required, ConformanceEnvironment.Static));
        Assert.That(failures, Is.Empty, Describe(failures));
    }

    [TestCaseSource(nameof(DynamicCases))]
    public async Task Dynamic(string operationId, int seed)
    {
        var failures = await Run(ConformanceSummary.Dynamic, operationId, $"{operationId}, seed {seed}",
            () => CaseRunner.SucceedAsync(Specs.Normalized.ById[operationId], Variant.All, ConformanceEnvironment.Dynamic(seed)));
        Assert.That(failures, Is.Empty, Describe(failures));
    }

    [TestCaseSource(nameof(ErrorCases))]
    public async Task Errors(string operationId, int status)
    {
        var failures = await Run(ConformanceSummary.Errors, operationId, $"{operationId}, {status}",
            () => CaseRunner.FailAsync(Specs.Normalized.ById[operationId], status, ConformanceEnvironment.ForErrors(operationId, status)));
        Assert.That(failures, Is.Empty, Describe(failures));
    }

    private static async Task<List<string>> Run(string mode, string operationId, string caseName, Func<Task<List<string>>> run)
    {
        List<string> failures;
        try
        {
            failures = await run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failures = [$"the case itself failed: {ex}"];
        }
        ConformanceSummary.Record(mode, operationId, caseName, failures.Count == 0 ? null : string.Join(Environment.NewLine, failures));
        return failures;
    }

    private static string Describe(List<string> failures) => string.Join(Environment.NewLine, failures.Select(f => "- " + f));
}
