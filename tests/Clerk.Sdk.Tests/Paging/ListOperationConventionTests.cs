using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Sdk.Tests.Conventions;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Paging;

/// <summary>
/// Every list operation of the normalized spec (found here from the spec's structure: a GET with limit and offset whose
/// 200 response is an array, or an object with an items array) has both paging forms on its client interface:
/// <c>{Method}Async</c> → <c>Task&lt;ClerkPage&lt;T&gt;&gt;</c> with the raw method's parameters, and
/// <c>ListAll...Async</c> → <c>IAsyncEnumerable&lt;T&gt;</c> with the same parameters minus limit/offset/paginated plus
/// a page size, where T is the item type of the response schema.
/// </summary>
[TestFixture]
public class ListOperationConventionTests
{
    /// <summary>The list operations of the pinned spec (openapi/specs.lock.json). Update it together with the pin.</summary>
    private const int PinnedListOperationCount = 37;

    private const string ClientNamespace = "Clerk.BackendApi";

    /// <summary>Raw parameters the all-pages form does not take (it pages itself; paginated only switches the wire shape).</summary>
    private static readonly string[] AllFormExcluded = ["limit", "offset", "paginated"];

    public static IEnumerable<TestCaseData> ListOperations()
    {
        IReadOnlyList<SpecListOperation> operations;
        string? error = null;
        try
        {
            operations = SpecListOperation.FindAll(RepoPaths.NormalizedBackendApiSpec);
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException)
        {
            operations = [];
            error = ex.Message;
        }
        if (error is not null)
        {
            yield return new TestCaseData(null, error).SetArgDisplayNames("spec missing");
            yield break;
        }
        foreach (var operation in operations)
        {
            yield return new TestCaseData(operation, null).SetArgDisplayNames(
                operation.Marker is { } forms ? $"{operation.Resource}.{forms.Method}Async+{forms.AllMethod}Async" : operation.OperationId);
        }
    }

    [TestCaseSource(nameof(ListOperations))]
    public void ListOperation_HasAPageFormAndAnAllPagesForm(SpecListOperation? operation, string? specError)
    {
        if (operation is null)
        {
            Assert.Fail(specError ?? "the normalized spec could not be read");
            return;
        }
        Assert.That(operation.Marker, Is.Not.Null, $"{operation}: no x-clerk-list marker (build/Clerk.SpecTool/ListOperations.cs)");
        var forms = operation.Marker!;
        Assert.That(operation.OperationId, Is.EqualTo($"{operation.Resource}_{forms.Method}Raw"), $"{operation}: the wire-shaped method is {forms.Method}RawAsync");
        Assert.That(forms.AllMethod, Does.StartWith("ListAll"), $"{operation}: the all-pages form reads ListAll...");

        var contract = ClientInterface(operation.Resource);
        var itemType = ItemType(operation.ItemType);
        var raw = Single(contract, forms.Method + "RawAsync");
        var page = Single(contract, forms.Method + "Async");
        var all = Single(contract, forms.AllMethod + "Async");

        Assert.Multiple(() =>
        {
            Assert.That(page.ReturnType, Is.EqualTo(typeof(Task<>).MakeGenericType(typeof(ClerkPage<>).MakeGenericType(itemType))), $"{operation}: {page.Name} return type");
            Assert.That(all.ReturnType, Is.EqualTo(typeof(IAsyncEnumerable<>).MakeGenericType(itemType)), $"{operation}: {all.Name} return type");
            Assert.That(Describe(page.GetParameters()), Is.EqualTo(Describe(raw.GetParameters())), $"{operation}: {page.Name} takes exactly the parameters of {raw.Name}");
            var expectedAll = raw.GetParameters()
                .Where(p => p.ParameterType != typeof(CancellationToken) && p.ParameterType != typeof(ClerkRequestOptions) && !AllFormExcluded.Contains(p.Name, StringComparer.Ordinal))
                .Select(Describe)
                .Append($"Int32 pageSize = {ClerkPaging.DefaultPageSize}")
                .Append("ClerkRequestOptions requestOptions = ")
                .Append("CancellationToken cancellationToken = ")
                .ToArray();
            Assert.That(Describe(all.GetParameters()), Is.EqualTo(expectedAll), $"{operation}: {all.Name} takes the parameters of {raw.Name} minus limit/offset/paginated, then pageSize");
        });
    }

    [Test]
    public void ListOperations_AreFoundInTheSpec_AndEachIsMarked()
    {
        var found = SpecListOperation.FindAll(RepoPaths.NormalizedBackendApiSpec);
        var marked = SpecOperations.All.Where(o => o.List is not null).Select(o => o.OperationId).ToList();
        var summary = $"List operations in the normalized spec: {found.Count} ({found.Count(o => o.Shape == "array")} bare arrays, {found.Count(o => o.Shape == "data")} objects with an items array)";
        TestContext.Out.WriteLine(summary);
        Assert.Multiple(() =>
        {
            Assert.That(found.Select(o => o.OperationId), Is.EquivalentTo(marked), "operations found by structure vs. operations the spec tool marked with x-clerk-list");
            Assert.That(found.Select(o => o.Shape).Distinct(), Is.EquivalentTo(new[] { "array", "data" }), "both response shapes occur");
            Assert.That(found, Has.Count.EqualTo(PinnedListOperationCount),
                $"The pinned spec has {PinnedListOperationCount} list operations; the normalized spec has {found.Count}. If the pin changed on purpose, update {nameof(PinnedListOperationCount)}.");
        });
    }

    [Test]
    public void DefaultPageSize_IsWithinEveryListOperationsMaximum()
    {
        var offenders = SpecListOperation.FindAll(RepoPaths.NormalizedBackendApiSpec)
            .Where(o => o.MaxLimit is { } max && max < ClerkPaging.DefaultPageSize)
            .Select(o => $"{o}: limit maximum {o.MaxLimit}");
        ConventionAssert.NoOffenders(offenders, $"list operations whose API maximum is below the default page size {ClerkPaging.DefaultPageSize} (ListAll...Async() would throw)");
    }

    [Test]
    public void AllPagesForms_AreUniquePerClient()
    {
        var offenders = SpecOperations.All.Where(o => o.List is not null)
            .GroupBy(o => (o.Resource, o.List!.AllMethod))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Resource}.{g.Key.AllMethod}Async: {string.Join(", ", g.Select(o => o.OperationId))}");
        ConventionAssert.NoOffenders(offenders, "all-pages forms shared by two list operations");
    }

    private static Type ClientInterface(string resource)
    {
        var name = $"{ClientNamespace}.I{resource}Client";
        var contract = typeof(ClerkClient).Assembly.GetType(name);
        Assert.That(contract, Is.Not.Null, $"no interface {name}");
        return contract!;
    }

    private static MethodInfo Single(Type contract, string name)
    {
        var methods = contract.GetMethods().Where(m => m.Name == name).ToArray();
        Assert.That(methods, Has.Length.EqualTo(1), $"{contract.Name} should declare exactly one {name}");
        return methods[0];
    }

    private static Type ItemType(string name)
    {
        var type = name switch
        {
            "string" => typeof(string),
            "long" => typeof(long),
            _ => typeof(ClerkClient).Assembly.GetType($"{ClientNamespace}.{name}"),
        };
        Assert.That(type, Is.Not.Null, $"no item type {ClientNamespace}.{name}");
        return type!;
    }

    private static string[] Describe(ParameterInfo[] parameters) => parameters.Select(Describe).ToArray();

    private static string Describe(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) is { } underlying ? underlying.Name + "?" : TypeName(parameter.ParameterType);
        return parameter.IsOptional ? $"{type} {parameter.Name} = {parameter.DefaultValue}" : $"{type} {parameter.Name}";
    }

    private static string TypeName(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(",", type.GetGenericArguments().Select(TypeName))}>" : type.Name;
}
