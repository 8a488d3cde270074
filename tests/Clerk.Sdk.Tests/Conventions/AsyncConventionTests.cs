using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>
/// Async rules: an <c>...Async</c> method is awaitable and cancellable (<see cref="CancellationToken"/> last), and every
/// generated resource client is mockable (a matching interface) and extendable (partial).
/// </summary>
[TestFixture]
public class AsyncConventionTests
{
    private static readonly Type[] AwaitableGenericDefinitions = [typeof(Task<>), typeof(ValueTask<>), typeof(IAsyncEnumerable<>)];

    [Test]
    public void AsyncMethods_ReturnTaskValueTaskOrAsyncEnumerable()
    {
        var offenders = AsyncMethods()
            .Where(m => !IsAwaitableReturnType(m.ReturnType))
            .Select(m => $"{SdkReflection.Describe(m)} returns {m.ReturnType}");
        ConventionAssert.NoOffenders(offenders, "...Async methods (must return Task, Task<T>, ValueTask, ValueTask<T> or IAsyncEnumerable<T>)");
    }

    [Test]
    public void AsyncMethods_TakeACancellationTokenLast()
    {
        var offenders = AsyncMethods()
            .Where(m => m.GetParameters() is not [.., { ParameterType: var last }] || last != typeof(CancellationToken))
            .Select(m => SdkReflection.Describe(m));
        ConventionAssert.NoOffenders(offenders, "...Async methods (the last parameter must be a CancellationToken)");
    }

    [Test]
    public void AsyncMethods_AreFound()
    {
        // Guards the two rules above against passing vacuously (e.g. if the reflection stopped seeing the generated clients).
        Assert.That(SdkReflection.GeneratedClientClasses, Is.Not.Empty, "no generated client classes found");
        Assert.That(AsyncMethods().Count(m => m.DeclaringType!.IsInterface), Is.GreaterThanOrEqualTo(SpecOperations.All.Count));
    }

    [Test]
    public void GeneratedClients_HaveAMatchingInterface()
    {
        var offenders = new List<string>();
        foreach (var client in SdkReflection.GeneratedClientClasses)
        {
            var interfaceName = $"{client.Namespace}.I{client.Name}";
            var contract = client.Assembly.GetType(interfaceName);
            if (contract is null || !contract.IsInterface || !SdkReflection.IsVisible(contract))
            {
                offenders.Add($"{SdkReflection.TypeName(client)}: no public interface {interfaceName}");
                continue;
            }
            if (!contract.IsAssignableFrom(client))
            {
                offenders.Add($"{SdkReflection.TypeName(client)}: does not implement {interfaceName}");
                continue;
            }
            var map = client.GetInterfaceMap(contract);
            var implemented = new HashSet<MethodInfo>(map.TargetMethods);
            foreach (var method in client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                         .Where(m => !m.IsSpecialName && m.Name.EndsWith("Async", StringComparison.Ordinal)))
            {
                if (!implemented.Contains(method))
                {
                    offenders.Add($"{SdkReflection.Describe(method)}: not on {interfaceName} (cannot be mocked)");
                }
            }
        }
        ConventionAssert.NoOffenders(offenders, "generated clients (each needs an I{Client} interface with all its ...Async methods)");
    }

    [Test]
    public void GeneratedClients_AndTheirInterfaces_ArePartial()
    {
        // 'partial' leaves no trace in metadata, so this reads the declarations from the source compiled into Clerk.Sdk.
        var declarations = TypeDeclarations();
        var offenders = new List<string>();
        foreach (var client in SdkReflection.GeneratedClientClasses)
        {
            foreach (var key in new[] { $"{client.Namespace}.{client.Name}", $"{client.Namespace}.I{client.Name}" })
            {
                if (!declarations.TryGetValue(key, out var found))
                {
                    offenders.Add($"{key}: no declaration found under {string.Join(", ", RepoPaths.SdkSourceDirectories.Select(d => Path.GetRelativePath(RepoPaths.Root, d)))}");
                }
                else if (!found.Any(d => d.IsPartial))
                {
                    offenders.Add($"{key}: not partial ({string.Join(", ", found.Select(d => d.Location))})");
                }
            }
        }
        ConventionAssert.NoOffenders(offenders, "generated clients and interfaces (must be partial so handwritten code can extend them)");
    }

    /// <summary>Public (and protected: subclasses see them) methods named ...Async on every visible class and interface.</summary>
    private static IEnumerable<MethodInfo> AsyncMethods() => SdkReflection.VisibleTypes
        .Where(t => t.IsClass || t.IsInterface)
        .SelectMany(SdkReflection.VisibleMethodsAndConstructors)
        .OfType<MethodInfo>()
        .Where(m => !m.IsSpecialName && m.Name.EndsWith("Async", StringComparison.Ordinal));

    private static bool IsAwaitableReturnType(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask) ||
        (type.IsGenericType && AwaitableGenericDefinitions.Contains(type.GetGenericTypeDefinition())) ||
        // A list operation's pageable (ClerkPageable<T>) is an IAsyncEnumerable<T>.
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));

    private sealed record TypeDeclaration(bool IsPartial, string Location);

    private static readonly Regex NamespacePattern = new(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Regex TypePattern = new(
        @"^[ \t]*(?<modifiers>(?:(?:public|internal|protected|private|sealed|abstract|static|partial|unsafe|new)\s+)*)(?:class|interface)\s+(?<name>\w+)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>Class and interface declarations by full name (namespace from the file's namespace declaration).</summary>
    private static Dictionary<string, List<TypeDeclaration>> TypeDeclarations()
    {
        var result = new Dictionary<string, List<TypeDeclaration>>(StringComparer.Ordinal);
        foreach (var directory in RepoPaths.SdkSourceDirectories.Where(Directory.Exists))
        {
            var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
            foreach (var file in files)
            {
                var text = File.ReadAllText(file);
                var ns = NamespacePattern.Match(text) is { Success: true } n ? n.Groups[1].Value : "";
                foreach (Match match in TypePattern.Matches(text))
                {
                    var line = text.AsSpan(0, match.Index).Count('\n') + 1;
                    var key = $"{ns}.{match.Groups["name"].Value}";
                    if (!result.TryGetValue(key, out var list))
                    {
                        result[key] = list = [];
                    }
                    list.Add(new TypeDeclaration(
                        Regex.IsMatch(match.Groups["modifiers"].Value, @"\bpartial\b", RegexOptions.CultureInvariant),
                        $"{Path.GetRelativePath(RepoPaths.Root, file)}:{line}"));
                }
            }
        }
        return result;
    }
}
