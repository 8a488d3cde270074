using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Clerk.Http;
using NUnit.Framework;

namespace Clerk.Sdk.ConformanceTests.SelfTests;

/// <summary>
/// The suite calls the operations of the normalized document; the SDK, its convention tests and the fake route by the
/// generated catalog (<c>ClerkOperations</c>, one <see cref="ClerkOperation"/> per operation). Both come from the same
/// spec tool run, so they must name the same operations with the same method and path: an operation the suite calls is
/// one the catalog describes, and none is left out.
/// </summary>
public class OperationCatalogTests
{
    [TestCase("BackendApi", "Clerk.BackendApi")]
    [TestCase("FrontendApi", "Clerk.FrontendApi")]
    public void TheOperationsTheSuiteCalls_AreTheGeneratedCatalog(string api, string clientNamespace)
    {
        var catalog = typeof(ClerkClient).Assembly.GetType($"{clientNamespace}.ClerkOperations", throwOnError: true)!
            .GetProperty("All", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null) as ClerkOperation[];
        Assert.That(catalog, Is.Not.Null.And.Not.Empty);

        var described = catalog!.Select(o => $"{o.Resource}_{o.Name} {o.Method.Method} {o.PathTemplate}").ToHashSet(StringComparer.Ordinal);
        var called = ConformanceApi.Named(api).Normalized.Operations.Select(o => $"{o.Id} {o.Method.ToUpperInvariant()} {o.Path}").ToHashSet(StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(called.Except(described), Is.Empty, "called by the suite, missing from the catalog");
            Assert.That(described.Except(called), Is.Empty, "in the catalog, never called by the suite");
            Assert.That(catalog!.Select(o => o.Id), Is.Unique);
            Assert.That(described, Has.Count.EqualTo(catalog!.Length));
        });
    }
}
