using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Clerk.Sdk.TestKit;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>
/// Every file declares the namespace its folder says (root namespace + folder path), or one of the declared exceptions:
/// <list type="bullet">
/// <item>folders of Clerk.Sdk whose public types users reach with <c>using Clerk;</c> (errors, paging, metadata, the
/// Frontend API client's options): moving them to sub-namespaces would break every user for a folder's sake;</item>
/// <item>Clerk.Sdk.AspNetCore, one namespace for the whole package, its folders only sorting files;</item>
/// <item>extension classes (<c>*Extensions.cs</c>) in the Microsoft namespace they extend, as Microsoft's own packages do
/// (<c>services.AddClerk()</c> needs no using).</item>
/// </list>
/// A new folder gets the namespace its path says unless it is added here, with its reason.
/// </summary>
public class FolderNamespaceTests
{
    private static readonly (string Project, string RootNamespace)[] Projects =
    [
        ("src/Clerk.Sdk", "Clerk"),
        ("src/Clerk.Sdk.AspNetCore", "Clerk.AspNetCore"),
        ("src/Clerk.Sdk.Testing", "Clerk.Testing"),
        ("tests/Clerk.Sdk.Tests", "Clerk.Sdk.Tests"),
        ("tests/Clerk.Sdk.TestKit", "Clerk.Sdk.TestKit"),
    ];

    /// <summary>Folders whose files declare another namespace than their path, and which.</summary>
    private static readonly Dictionary<string, string> DeclaredExceptions = new(StringComparer.Ordinal)
    {
        ["src/Clerk.Sdk/Errors"] = "Clerk",
        ["src/Clerk.Sdk/Frontend"] = "Clerk",
        ["src/Clerk.Sdk/Metadata"] = "Clerk",
        ["src/Clerk.Sdk/Paging"] = "Clerk",
        ["src/Clerk.Sdk.AspNetCore/Authentication"] = "Clerk.AspNetCore",
        ["src/Clerk.Sdk.AspNetCore/Authorization"] = "Clerk.AspNetCore",
        ["src/Clerk.Sdk.AspNetCore/Errors"] = "Clerk.AspNetCore",
        ["src/Clerk.Sdk.AspNetCore/Webhooks"] = "Clerk.AspNetCore",
    };

    private static readonly Regex Namespace = new(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    [Test]
    public void EveryFileDeclaresTheNamespaceOfItsFolder()
    {
        var wrong = new List<string>();
        var files = 0;
        foreach (var (project, rootNamespace) in Projects)
        {
            var projectDirectory = Path.Combine(RepoPaths.Root, project);
            foreach (var file in Directory.GetFiles(projectDirectory, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
            {
                var folder = Path.GetRelativePath(projectDirectory, Path.GetDirectoryName(file)!).Replace('\\', '/');
                var key = folder == "." ? project : $"{project}/{folder}";
                var expected = DeclaredExceptions.TryGetValue(key, out var declared) ? declared : folder == "." ? rootNamespace : $"{rootNamespace}.{folder.Replace('/', '.')}";
                var actual = Namespace.Match(File.ReadAllText(file)).Groups[1].Value;
                files++;
                if (actual == expected) continue;
                if (file.EndsWith("Extensions.cs", StringComparison.Ordinal) && actual.StartsWith("Microsoft.", StringComparison.Ordinal)) continue;
                wrong.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: namespace {actual}, expected {expected}");
            }
        }
        Assert.That(wrong, Is.Empty);
        Assert.That(files, Is.GreaterThan(200));
    }
}
