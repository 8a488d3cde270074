using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Clerk.Sdk.TestKit.Spec;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>
/// Every operation of the normalized spec is reachable as <c>clerk.{Resource}.{Method}Async</c>, and nothing else is
/// except the two paging forms of each list operation: the cases come from the spec the build generated the SDK from,
/// so coverage cannot drift from it.
/// </summary>
[TestFixture]
public class OperationCoverageTests
{
    /// <summary>The operation count of the pinned spec (openapi/specs.lock.json). Update it together with the pin.</summary>
    private const int PinnedOperationCount = 239;

    private const string ClientNamespace = "Clerk.BackendApi";

    private static readonly Regex OperationIdPattern = new("^[A-Z][A-Za-z0-9]*_[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);

    public static IEnumerable<TestCaseData> Operations()
    {
        IReadOnlyList<SpecOperation> operations;
        string? error = null;
        try
        {
            operations = SpecOperations.All;
        }
        catch (Exception ex)
        {
            operations = [];
            error = ex.Message;
        }
        if (error is not null)
        {
            // One failing case with the reason, instead of a silently empty (green) data-driven test.
            yield return new TestCaseData(null, error).SetArgDisplayNames("spec missing");
            yield break;
        }
        foreach (var operation in operations)
        {
            yield return new TestCaseData(operation, null).SetArgDisplayNames(operation.Id.Length > 0 ? operation.Id : $"{operation.Method} {operation.Path}");
        }
    }

    [TestCaseSource(nameof(Operations))]
    public void Operation_IsAResourceClientMethod(SpecOperation? operation, string? specError)
    {
        if (operation is null)
        {
            Assert.Fail(specError ?? "the normalized spec could not be read");
            return;
        }
        Assert.That(operation.Id, Does.Match(OperationIdPattern),
            $"{operation.Method.ToUpperInvariant()} {operation.Path}: the operationId must be Resource_Method (build/Clerk.SpecTool, openapi/overlays/bapi/10-operation-names.yaml).");

        var property = typeof(ClerkClient).GetProperty(operation.Resource, BindingFlags.Public | BindingFlags.Instance);
        Assert.That(property, Is.Not.Null, $"{operation}: ClerkClient has no public property '{operation.Resource}'.");

        var expectedInterface = $"{ClientNamespace}.I{operation.Resource}Client";
        Assert.That(property!.PropertyType.IsInterface && property.PropertyType.FullName == expectedInterface, Is.True,
            $"{operation}: ClerkClient.{operation.Resource} is {property.PropertyType.FullName}, expected the interface {expectedInterface}.");

        var methodName = operation.MethodName + "Async";
        var methods = property.PropertyType.GetMethods().Where(m => m.Name == methodName).ToArray();
        Assert.That(methods, Has.Length.EqualTo(1),
            $"{operation}: {expectedInterface} should declare exactly one method '{methodName}' but has {methods.Length}.");
    }

    [Test]
    public void OperationCount_MatchesSpecAndPin()
    {
        var operations = SpecOperations.All;
        var resourceProperties = ResourceProperties();
        var sdkMethods = resourceProperties
            .SelectMany(p => p.PropertyType.GetMethods().Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal)).Select(m => $"{p.Name}_{m.Name[..^"Async".Length]}"))
            .ToList();

        var summary = $"Operations in the normalized spec: {operations.Count} ({operations.Count(o => o.List is not null)} list operations); SDK resource methods: {sdkMethods.Count} on {resourceProperties.Count} resources.";
        TestContext.Progress.WriteLine(summary);
        TestContext.Out.WriteLine(summary);

        var specIds = operations.Select(o => o.Id).ToList();
        // A list operation (x-clerk-list) is one method returning a pageable (Paging/ tests check them in depth).
        var expected = specIds.ToList();
        var duplicates = expected.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var notInSdk = expected.Except(sdkMethods, StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToList();
        var notInSpec = sdkMethods.Except(expected, StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(duplicates, Is.Empty, "operationIds (and paging forms) used by more than one operation");
            Assert.That(notInSdk, Is.Empty, "spec operations (and paging forms) without a ClerkClient.{Resource}.{Method}Async method");
            Assert.That(notInSpec, Is.Empty, "ClerkClient resource methods that are neither operations of the spec nor paging forms of its list operations");
            Assert.That(sdkMethods, Has.Count.EqualTo(operations.Count), "SDK resource methods vs. operations in the spec");
            Assert.That(operations, Has.Count.EqualTo(PinnedOperationCount),
                $"The pinned spec has {PinnedOperationCount} operations; the normalized spec has {operations.Count}. If the pin changed on purpose, update {nameof(PinnedOperationCount)}.");
        });
    }

    /// <summary>ClerkClient properties typed as a generated client interface (one per resource).</summary>
    private static IReadOnlyList<PropertyInfo> ResourceProperties() => typeof(ClerkClient)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType.IsInterface && p.PropertyType.Namespace == ClientNamespace)
        .ToList();
}
