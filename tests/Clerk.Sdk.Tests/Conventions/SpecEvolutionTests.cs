using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>
/// A newer spec only adds public API: the public API listing of a Clerk.Sdk regenerated from a newer spec (built by
/// build/spec-evolution.sh, which sets <c>CLERK_EVOLVED_SDK</c>) keeps every member of the current one. Members are
/// compared with the types that enclose them; a member whose line is gone is "changed" when a member of the same
/// name remains in its type (a new parameter, another type), else "removed". Writes
/// <c>public API: N added, N changed, N removed</c> to TestResults/spec-evolution-summary.txt.
/// </summary>
[TestFixture]
public class SpecEvolutionTests
{
    [Test]
    public void ANewerSpec_OnlyAddsPublicApi()
    {
        var evolvedPath = Environment.GetEnvironmentVariable("CLERK_EVOLVED_SDK");
        if (string.IsNullOrEmpty(evolvedPath))
        {
            Assert.Ignore("Run by build/spec-evolution.sh, which builds the SDK from a newer spec (CLERK_EVOLVED_SDK).");
        }
        var context = new AssemblyLoadContext("evolved Clerk.Sdk", isCollectible: true);
        try
        {
            // Dependencies (Json.NET, Microsoft.Extensions.*) resolve from the test's own context: same versions.
            var evolved = context.LoadFromAssemblyPath(Path.GetFullPath(evolvedPath!));
            var current = Members(PublicApiTests.Generate());
            var next = Members(PublicApiTests.Generate(evolved));
            var gone = current.Except(next).ToList();
            var added = next.Except(current).ToList();
            var remaining = next.Select(m => (m.Scope, m.Name)).ToHashSet();
            var changed = gone.Where(m => remaining.Contains((m.Scope, m.Name))).ToList();
            var removed = gone.Except(changed).ToList();
            var line = $"public API: {added.Count} added, {changed.Count} changed, {removed.Count} removed ({ClerkClient.GeneratedApiVersion} -> {Environment.GetEnvironmentVariable("CLERK_EVOLVED_SPEC") ?? "newer spec"})";
            var summary = Path.Combine(RepoPaths.Root, "TestResults", "spec-evolution-summary.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(summary)!);
            var synthetic = added.Where(m => m.Line.Contains("Synthetic", StringComparison.Ordinal) && !m.Line.StartsWith('[')).Select(m => $"  + {Key(m.Scope.Split(" / ")[^1])} :: {m.Line}");
            File.WriteAllText(summary, line + Environment.NewLine
                + string.Join(Environment.NewLine, gone.Take(40).Select(m => $"  - {m.Scope} :: {m.Line}").Concat(synthetic)) + Environment.NewLine);
            TestContext.Out.WriteLine(line);
            Assert.That(added, Is.Not.Empty, "the newer spec adds operations and fields; an empty difference means the check compared the same build");
            if (Environment.GetEnvironmentVariable("CLERK_EVOLVED_SPEC")?.Contains("synthetic", StringComparison.Ordinal) == true)
            {
                Assert.That(added.Select(m => m.Line), Has.Some.Contains("IncludeSyntheticDetails").And.Some.Contains("SyntheticSegment").And.Some.Contains("SyntheticNickname"),
                    "the synthetic query parameters and body field arrive as new properties");
            }
            Assert.That(gone, Is.Empty, line + Environment.NewLine + string.Join(Environment.NewLine, gone.Take(40).Select(m => $"{m.Scope} :: {m.Line}")));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>One member line of the listing with the declarations that enclose it (namespace, type, nested type).</summary>
    private sealed record Member(string Scope, string Name, string Line);

    private static HashSet<Member> Members(string listing)
    {
        var members = new HashSet<Member>();
        var scopes = new Stack<string>();
        string? pending = null;
        foreach (var raw in listing.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (line == "{")
            {
                scopes.Push(pending ?? "?");
                pending = null;
                continue;
            }
            if (line.StartsWith('}'))
            {
                if (scopes.Count > 0) scopes.Pop();
                continue;
            }
            if (pending is not null)
            {
                // A declaration without a body ({ } on the same line) was a member after all.
                members.Add(new Member(Scope(scopes), NameOf(pending), pending));
            }
            pending = null;
            if (IsTypeOrNamespace(line) && !line.EndsWith("{ }", StringComparison.Ordinal))
            {
                pending = line;
                continue;
            }
            members.Add(new Member(Scope(scopes), NameOf(line), line));
        }
        return members;
    }

    private static string Scope(Stack<string> scopes) => string.Join(" / ", scopes.Reverse().Select(Key));

    /// <summary>A type's key: its name without its base list (an interface added to a model is an addition, not a change).</summary>
    private static string Key(string declaration) => declaration.Split(" : ")[0];

    private static bool IsTypeOrNamespace(string line) =>
        Regex.IsMatch(line, @"^(namespace |\[.*\] )?(public |protected )?(static |sealed |abstract |readonly |partial |ref )*(class|struct|interface|enum|record|delegate)\b") || line.StartsWith("namespace ", StringComparison.Ordinal);

    private static string NameOf(string line)
    {
        var head = line.Split('(', '{', '=', ';')[0].Trim();
        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? line : words[^1];
    }
}
