using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>
/// The operation seam: every operation method of both APIs takes <see cref="ClerkRequestOptions"/> then the
/// <see cref="CancellationToken"/> last, every operation has a generated descriptor that names a facade method, and no
/// client code reads a request's URI to find out which operation it is.
/// </summary>
[TestFixture]
public class OperationSeamConventionTests
{
    [Test]
    public void EveryOperationMethod_EndsWithRequestOptions_ThenTheCancellationToken()
    {
        var methods = SdkReflection.GeneratedClientClasses
            .Select(c => c.Assembly.GetType($"{c.Namespace}.I{c.Name}")!)
            .SelectMany(i => i.GetMethods())
            .ToList();
        Assert.That(methods, Has.Count.GreaterThanOrEqualTo(239 + 192), "both APIs' operation methods are found");
        var offenders = methods
            .Where(m => m.GetParameters() is not [.., { ParameterType: var options, Name: "requestOptions", HasDefaultValue: true } o, { ParameterType: var token, Name: "cancellationToken" }]
                        || options != typeof(ClerkRequestOptions) || token != typeof(CancellationToken) || o.DefaultValue is not null)
            .Select(m => SdkReflection.Describe(m));
        ConventionAssert.NoOffenders(offenders, "operation methods (must end with `ClerkRequestOptions? requestOptions = null, CancellationToken cancellationToken = default`)");
    }

    [Test]
    public void EveryBackendOperation_HasADescriptor_NamingItsFacadeMethod()
    {
        Assert.That(Clerk.BackendApi.ClerkOperations.All, Has.Length.EqualTo(SpecOperations.All.Count));
        AssertDescriptorsNameFacadeMethods(typeof(ClerkClient), Clerk.BackendApi.ClerkOperations.All);
    }

    [Test]
    public void EveryFrontendOperation_HasADescriptor_NamingItsFacadeMethod()
    {
        Assert.That(Clerk.FrontendApi.ClerkOperations.All, Has.Length.EqualTo(192));
        AssertDescriptorsNameFacadeMethods(typeof(ClerkFrontendClient), Clerk.FrontendApi.ClerkOperations.All);
    }

    [Test]
    public void EveryDescriptor_IsOneInstance_CreatedOnFirstUse_AndTheListHoldsThoseInstances()
    {
        // Created on first use (no static constructor builds the whole table, bench/README.md, cold start); every caller,
        // the list included, must still see one instance: the fake and handlers compare descriptors by reference.
        foreach (var table in new[] { typeof(Clerk.BackendApi.ClerkOperations), typeof(Clerk.FrontendApi.ClerkOperations) })
        {
            var accessors = table.GetProperties(BindingFlags.Static | BindingFlags.NonPublic).Where(p => p.PropertyType == typeof(Clerk.Http.ClerkOperation)).ToList();
            var firstReads = new Clerk.Http.ClerkOperation[accessors.Count];
            System.Threading.Tasks.Parallel.For(0, accessors.Count, i => firstReads[i] = (Clerk.Http.ClerkOperation)accessors[i].GetValue(null)!);
            var all = (Clerk.Http.ClerkOperation[])table.GetProperty("All", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!;
            Assert.Multiple(() =>
            {
                Assert.That(accessors, Has.Count.EqualTo(all.Length), $"{table.FullName}: one accessor per operation");
                Assert.That(table.TypeInitializer, Is.Null, $"{table.FullName}: no static constructor");
                Assert.That(accessors.Select(a => (Clerk.Http.ClerkOperation)a.GetValue(null)!).ToArray(), Is.EqualTo(firstReads).Using<Clerk.Http.ClerkOperation>((a, b) => ReferenceEquals(a, b)), $"{table.FullName}: the same instance on every read");
                Assert.That(all, Is.EquivalentTo(firstReads).Using<Clerk.Http.ClerkOperation>((a, b) => ReferenceEquals(a, b)), $"{table.FullName}: All holds the accessors' instances");
            });
        }
    }

    [Test]
    public void EveryListOperation_OfBothApis_ReturnsThePageable_AndNoOtherDoes()
    {
        var offenders = new System.Collections.Generic.List<string>();
        foreach (var (facade, operations) in new[] { (typeof(ClerkClient), Clerk.BackendApi.ClerkOperations.All), (typeof(ClerkFrontendClient), Clerk.FrontendApi.ClerkOperations.All) })
        {
            foreach (var operation in operations)
            {
                var method = facade.GetProperty(operation.Resource)!.PropertyType.GetMethod(operation.Name + "Async")!;
                var pageable = method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(ClerkPageable<>);
                if (pageable != (operation.Paging is not null)) offenders.Add($"{operation}: returns {method.ReturnType.Name}, paging {operation.Paging?.ToString() ?? "none"}");
            }
        }
        ConventionAssert.NoOffenders(offenders, "operations (a list operation returns ClerkPageable<T>, no other does)");
        Assert.That(Clerk.BackendApi.ClerkOperations.All.Count(o => o.Paging is not null), Is.EqualTo(37));
        Assert.That(Clerk.FrontendApi.ClerkOperations.All.Count(o => o.Paging is not null), Is.EqualTo(15));
    }

    private static void AssertDescriptorsNameFacadeMethods(Type facade, global::Clerk.Http.ClerkOperation[] operations)
    {
        Assert.That(operations.Select(o => o.Id), Is.Unique);
        var offenders = operations
            .Where(o => facade.GetProperty(o.Resource)?.PropertyType.GetMethod(o.Name + "Async") is null)
            .Select(o => $"{o}: no {facade.Name}.{o.Resource}.{o.Name}Async");
        ConventionAssert.NoOffenders(offenders, "operation descriptors (each names its facade method)");
    }

    /// <summary>
    /// Source check over the client code (src/Clerk.Sdk): a request's URI is read only where the reason is not to
    /// identify its operation (the descriptor travels with the request for that). Each allowed use is listed with why.
    /// </summary>
    [Test]
    public void NoClientCode_ReadsARequestUri_ToIdentifyTheOperation()
    {
        var allowed = new (string File, string Why)[]
        {
            ("Http/ClerkDiagnosticsHandler.cs", "the span's server.address tag: the host only"),
            ("Http/FrontendRequestHeaders.cs", "appends the Frontend API's own query parameters (_is_native, __clerk_api_version)"),
            ("ClerkRedirect.cs", "resolves a relative Location against the request"),
            ("Authentication/ClerkAuthenticationRequest.cs", "an incoming request to authenticate: a handshake returns to its URL"),
            ("Authentication/ClerkTokenVerifier.cs", "an incoming request to authenticate: with an absolute URL, Clerk's cookie rules and handshakes apply"),
        };
        var root = Path.Combine(RepoPaths.Root, "src", "Clerk.Sdk");
        var uses = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f).Replace('\\', '/'), Line: i + 1, Text: line)))
            .Where(l => Regex.IsMatch(l.Text, @"\bRequestUri\b|\bRequestMessage\b.*\bAbsolutePath\b"))
            .ToList();
        Assert.That(uses, Is.Not.Empty, "the scan sees the source");
        var offenders = uses.Where(u => !allowed.Any(a => a.File == u.File)).Select(u => $"{u.File}:{u.Line}: {u.Text.Trim()}");
        ConventionAssert.NoOffenders(offenders, "reads of a request URI in src/Clerk.Sdk (operations are known from ClerkOperation.Of(request))");
        var generated = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "generated"), "*.g.cs").ToList();
        Assert.That(generated, Is.Not.Empty);
        foreach (var file in generated)
        {
            Assert.That(File.ReadAllText(file), Does.Not.Contain("RequestUri"), $"{Path.GetFileName(file)} builds no URL of its own: the send path does");
        }
    }
}
