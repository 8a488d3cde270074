using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Clerk.SpecTool;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.SpecTool.Tests;

/// <summary>
/// The <c>x-clerk-*</c> extension names live in <see cref="SpecExtensions"/>: the spec tool writes no other as a string
/// literal, and every name the templates, overlays and tests use is one of them (a typo there would read nothing).
/// Names Clerk uses as HTTP headers (<c>x-clerk-auth-status</c>, ...) are not spec extensions.
/// </summary>
public class SpecExtensionTests
{
    private static readonly Regex ExtensionName = new("x-clerk-[a-z0-9-]*[a-z0-9]", RegexOptions.CultureInvariant);

    [Test]
    public void TheSpecToolSpellsExtensionNamesOnlyInSpecExtensions()
    {
        var offenders = Files("build/Clerk.SpecTool", "*.cs")
            .Where(f => Path.GetFileName(f) != "SpecExtensions.cs" && File.ReadAllText(f).Contains("\"x-clerk-", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f))
            .ToList();
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void EveryExtensionNameInTheRepositoryIsDeclared()
    {
        var files = Files("build/templates", "*.liquid")
            .Concat(Files("build/Clerk.SpecTool", "*.cs"))
            .Concat(Files("openapi/overlays", "*.yaml"))
            .Concat(Files("tests", "*.cs"));
        var undeclared = files
            .SelectMany(f => ExtensionName.Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(RepoPaths.Root, f), Name: m.Value)))
            .Where(x => !SpecExtensions.All.Contains(x.Name) && !IsHeader(x.Name))
            .Select(x => $"{x.File}: {x.Name}")
            .Distinct()
            .ToList();
        Assert.That(undeclared, Is.Empty);
        Assert.That(SpecExtensions.All, Has.Count.GreaterThanOrEqualTo(15));
    }

    private static bool IsHeader(string name) =>
        name.StartsWith("x-clerk-auth", StringComparison.Ordinal) || name is "x-clerk-trace-id" or "x-clerk-request-data" or "x-clerk-redirect-to" or "x-clerk-debug" or "x-clerk-clerk-url";

    private static string[] Files(string folder, string pattern) =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, folder), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("node_modules", StringComparison.Ordinal))
            .ToArray();
}
