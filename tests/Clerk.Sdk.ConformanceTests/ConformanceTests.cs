using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Clerk.Sdk.ConformanceTests.Invocation;
using Clerk.Sdk.ConformanceTests.Synthesis;
using NUnit.Framework;

[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(12)]

namespace Clerk.Sdk.ConformanceTests;

/// <summary>
/// One case per API, operation of its normalized spec and variant, each calling the public facade method against
/// Prism: <c>Static(BackendApi, Users_List, required)</c>, <c>Static(FrontendApi, Sessions_TouchSession, all)</c>,
/// <c>Dynamic(BackendApi, Users_List, seed 3)</c>, and <c>Errors(BackendApi, Users_Get, 404)</c> for each of
/// 401/404/422 the operation's spec declares (served by the dynamic servers, so the error bodies carry random codes
/// and messages, spread over them to balance the load).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public class ConformanceTests
{
    /// <summary>The forced error statuses checked where the spec declares them.</summary>
    private static readonly int[] ErrorStatuses = [401, 404, 422];

    public static IEnumerable<TestCaseData> StaticCases() =>
        from api in ConformanceApi.All
        from operation in api.Normalized.Operations
        from variant in new[] { "required", "all" }
        select new TestCaseData(api.Name, operation.Id, variant).SetName($"Static({api.Name}, {operation.Id}, {variant})");

    /// <summary>Operations whose body has a property the spec declares nullable, sent with each such property null.</summary>
    public static IEnumerable<TestCaseData> NullCases() =>
        from api in ConformanceApi.All
        from operation in api.Normalized.Operations
        where operation.Body is { } body && new SchemaSampler(api.Normalized, Variant.Nulls).Sample(body.Schema).SelectTokens("$..*").Any(t => t.Type == Newtonsoft.Json.Linq.JTokenType.Null)
        select new TestCaseData(api.Name, operation.Id, "nulls").SetName($"Static({api.Name}, {operation.Id}, nulls)");

    public static IEnumerable<TestCaseData> DynamicCases() =>
        from api in ConformanceApi.All
        from operation in api.Normalized.Operations
        from seed in ConformanceEnvironment.Seeds
        select new TestCaseData(api.Name, operation.Id, seed).SetName($"Dynamic({api.Name}, {operation.Id}, seed {seed})");

    public static IEnumerable<TestCaseData> ErrorCases() =>
        from api in ConformanceApi.All
        from operation in api.Normalized.Operations
        let declared = api.Mock.ById.TryGetValue(operation.Id, out var mock) ? mock.ResponseCodes : []
        from status in ErrorStatuses
        where declared.Contains(status.ToString(CultureInfo.InvariantCulture))
        select new TestCaseData(api.Name, operation.Id, status).SetName($"Errors({api.Name}, {operation.Id}, {status})");

    [TestCaseSource(nameof(StaticCases))]
    [TestCaseSource(nameof(NullCases))]
    public async Task Static(string apiName, string operationId, string variant)
    {
        var api = ConformanceApi.Named(apiName);
        var failures = await Run(api, ConformanceSummary.Static, operationId, $"{operationId}, {variant}",
            () => CaseRunner.SucceedAsync(api, api.Normalized.ById[operationId], variant switch { "all" => Variant.All, "nulls" => Variant.Nulls, _ => Variant.Required }, ConformanceEnvironment.Static(api)));
        Assert.That(failures, Is.Empty, Describe(failures));
    }

    [TestCaseSource(nameof(DynamicCases))]
    public async Task Dynamic(string apiName, string operationId, int seed)
    {
        var api = ConformanceApi.Named(apiName);
        var failures = await Run(api, ConformanceSummary.Dynamic, operationId, $"{operationId}, seed {seed}",
            () => CaseRunner.SucceedAsync(api, api.Normalized.ById[operationId], Variant.All, ConformanceEnvironment.Dynamic(api, seed)));
        Assert.That(failures, Is.Empty, Describe(failures));
    }

    [TestCaseSource(nameof(ErrorCases))]
    public async Task Errors(string apiName, string operationId, int status)
    {
        var api = ConformanceApi.Named(apiName);
        var failures = await Run(api, ConformanceSummary.Errors, operationId, $"{operationId}, {status}",
            () => CaseRunner.FailAsync(api, api.Normalized.ById[operationId], status, ConformanceEnvironment.ForErrors(api, operationId, status)));
        Assert.That(failures, Is.Empty, Describe(failures));
    }

    private static async Task<List<string>> Run(ConformanceApi api, string mode, string operationId, string caseName, Func<Task<List<string>>> run)
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
        ConformanceSummary.Record(api, mode, operationId, caseName, failures.Count == 0 ? null : string.Join(Environment.NewLine, failures));
        return failures;
    }

    private static string Describe(List<string> failures) => string.Join(Environment.NewLine, failures.Select(f => "- " + f));
}
