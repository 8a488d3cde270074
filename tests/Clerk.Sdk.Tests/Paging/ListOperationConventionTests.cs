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
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Paging;

/// <summary>
/// Every list operation of the normalized spec (found here from the spec's structure: a GET with limit and offset whose
/// 200 response is an array, or an object with an items array) has one method on its client interface,
/// <c>{Method}Async</c> → <see cref="ClerkPageable{T}"/> of the response's item type, that takes no paging parameter
/// (limit, offset, starting_after, paginated are the pageable's) and whose options class has none either; its
/// descriptor carries the paging: cursor where the operation takes <c>starting_after</c>, offset elsewhere.
/// </summary>
[TestFixture]
public class ListOperationConventionTests
{
    /// <summary>The list operations of the pinned spec (openapi/specs.lock.json). Update it together with the pin.</summary>
    private const int PinnedListOperationCount = 37;

    private const string ClientNamespace = "Clerk.BackendApi";

    /// <summary>The parameters the pageable owns.</summary>
    private static readonly string[] PagingParameters = ["limit", "offset", "startingAfter", "paginated"];

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
                operation.Marker is { } forms ? $"{operation.Resource}.{forms.Method}Async" : operation.OperationId);
        }
    }

    [TestCaseSource(nameof(ListOperations))]
    public void ListOperation_ReturnsAPageable_AndLeavesPagingToIt(SpecListOperation? operation, string? specError)
    {
        if (operation is null)
        {
            Assert.Fail(specError ?? "the normalized spec could not be read");
            return;
        }
        Assert.That(operation.Marker, Is.Not.Null, $"{operation}: no x-clerk-list marker (build/Clerk.SpecTool/ListOperations.cs)");
        var forms = operation.Marker!;
        Assert.That(operation.OperationId, Is.EqualTo($"{operation.Resource}_{forms.Method}"), $"{operation}: one method, {forms.Method}Async");

        var contract = ClientInterface(operation.Resource);
        var itemType = ItemType(operation.ItemType);
        var list = Single(contract, forms.Method + "Async");
        var parameters = list.GetParameters();
        var optionsType = parameters.Single(p => p.Name == "options").ParameterType;
        var descriptor = typeof(ClerkClient).Assembly.GetType($"{ClientNamespace}.ClerkOperations")!.GetProperty(operation.OperationId, BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null) as global::Clerk.Http.ClerkOperation;

        Assert.Multiple(() =>
        {
            Assert.That(list.ReturnType, Is.EqualTo(typeof(ClerkPageable<>).MakeGenericType(itemType)), $"{operation}: {list.Name} return type");
            Assert.That(parameters.Select(p => p.Name), Has.None.AnyOf(PagingParameters), $"{operation}: paging parameters are the pageable's");
            Assert.That(optionsType.GetProperties().Select(p => p.Name), Has.None.AnyOf("Limit", "Offset", "StartingAfter", "Paginated"), $"{operation}: {optionsType.Name} has no paging property");
            Assert.That(descriptor?.Paging, Is.Not.Null, $"{operation}: its descriptor carries the paging");
            Assert.That(descriptor!.Paging!.Kind.ToString().ToLowerInvariant(), Is.EqualTo(forms.Paging.ToLowerInvariant()), $"{operation}: paging kind");
            Assert.That(descriptor.Paging.Kind == ClerkPagingKind.Cursor, Is.EqualTo(operation.TakesStartingAfter), $"{operation}: cursor exactly where the spec offers starting_after");
        });
    }

    [Test]
    public void ListOperations_AreFoundInTheSpec_AndEachIsMarked()
    {
        var found = SpecListOperation.FindAll(RepoPaths.NormalizedBackendApiSpec);
        var marked = SpecOperations.All.Where(o => o.List is not null).Select(o => o.Id).ToList();
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
            .Where(o => o.MaxLimit is { } max && max < ClerkPageSizes.Default)
            .Select(o => $"{o}: limit maximum {o.MaxLimit}");
        ConventionAssert.NoOffenders(offenders, $"list operations whose API maximum is below the default page size {ClerkPageSizes.Default} (enumerating would throw)");
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
