using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>
/// Every repository path the documentation names exists, so it cannot point at folders that were moved or never made:
/// in README.md, CONTRIBUTING.md, CHANGELOG.md, docs/*.md, the packages' and the samples' READMEs. Inline code
/// (<c>`src/...`</c>) names paths from the repository root; a relative link resolves from the document's folder, as a
/// Markdown reader resolves it; an absolute link into this repository on GitHub (what the package readmes use, since a
/// package page has no folder) names the path after <c>blob/main/</c> or <c>tree/main/</c>. Patterns (<c>*</c>,
/// <c>{Api}</c>, <c>&lt;api&gt;</c>) and files that only exist after a build or a failed check are not paths to check.
/// </summary>
public class DocumentationPathTests
{
    private const string GitHubTree = "https://github.com/clerk-dotnet/Clerk.Sdk/";
    private static readonly string[] Roots = ["src/", "tests/", "samples/", "build/", "openapi/", "docs/", "bench/", "api/", ".ci/", ".github/"];

    [Test]
    public void EveryPathTheDocsName_Exists()
    {
        var files = Documents();
        var missing = new List<string>();
        var checkedPaths = 0;
        foreach (var file in files)
        {
            var prose = Regex.Replace(File.ReadAllText(file), "^```.*?^```", "", RegexOptions.Multiline | RegexOptions.Singleline);
            foreach (var (raw, full) in Named(file, prose))
            {
                if (raw.IndexOfAny(['*', '{', '<']) >= 0 || raw.EndsWith(".received.txt", StringComparison.Ordinal)) continue;
                if (raw.StartsWith("../shared", StringComparison.Ordinal) || full.StartsWith(Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared")), StringComparison.Ordinal)) continue;
                checkedPaths++;
                if (!File.Exists(full) && !Directory.Exists(full)) missing.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {raw}");
            }
        }
        TestContext.Out.WriteLine($"{checkedPaths} paths named in {files.Count} documents");
        Assert.That(missing, Is.Empty);
        Assert.That(checkedPaths, Is.GreaterThan(30));
    }

    /// <summary>The documents whose paths are checked.</summary>
    internal static List<string> Documents() =>
        new[] { "README.md", "CONTRIBUTING.md", "CHANGELOG.md" }.Select(f => Path.Combine(RepoPaths.Root, f)).Where(File.Exists)
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md"))
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "README.md", SearchOption.AllDirectories).Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples"), "README.md", SearchOption.AllDirectories))
            .ToList();

    /// <summary>The paths a document names, each with the full path it means.</summary>
    private static IEnumerable<(string Raw, string Full)> Named(string file, string prose)
    {
        var folder = Path.GetDirectoryName(file)!;
        foreach (var code in Regex.Matches(prose, @"`([^`\s]+)`").Select(m => m.Groups[1].Value.TrimEnd('.', ',', ':', ';', ')')))
        {
            if (code.StartsWith("../", StringComparison.Ordinal)) yield return (code, Path.GetFullPath(Path.Combine(folder, code)));
            else if (Roots.Any(r => code.StartsWith(r, StringComparison.Ordinal))) yield return (code, Path.GetFullPath(Path.Combine(RepoPaths.Root, code)));
        }
        foreach (var link in Regex.Matches(prose, @"\]\(([^)\s#]+)").Select(m => m.Groups[1].Value))
        {
            if (link.StartsWith(GitHubTree, StringComparison.Ordinal))
            {
                var path = Regex.Replace(link[GitHubTree.Length..], "^(blob|tree)/main/?", "");
                yield return (link, Path.GetFullPath(Path.Combine(RepoPaths.Root, path)));
            }
            else if (!link.Contains("://", StringComparison.Ordinal) && !link.StartsWith("mailto:", StringComparison.Ordinal))
            {
                yield return (link, Path.GetFullPath(Path.Combine(folder, link)));
            }
        }
    }
}
