using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>
/// Every repository path README.md and docs/*.md name (in inline code, <c>`src/...`</c>, and in relative links) exists,
/// so the documentation cannot point at folders that were moved or never made. Patterns (<c>*</c>, <c>{Api}</c>,
/// <c>&lt;api&gt;</c>) and files that only exist after a build or a failed check are not paths to check.
/// </summary>
public class DocumentationPathTests
{
    private static readonly string[] Roots = ["src/", "tests/", "samples/", "build/", "openapi/", "docs/", "bench/", "api/", ".ci/"];

    [Test]
    public void EveryPathTheDocsName_Exists()
    {
        var files = new[] { "README.md", "CONTRIBUTING.md" }.Select(f => Path.Combine(RepoPaths.Root, f)).Where(File.Exists)
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md"))
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples"), "README.md", SearchOption.AllDirectories))
            .ToList();
        var missing = new List<string>();
        var checkedPaths = 0;
        foreach (var file in files)
        {
            var prose = Regex.Replace(File.ReadAllText(file), "^```.*?^```", "", RegexOptions.Multiline | RegexOptions.Singleline);
            var named = Regex.Matches(prose, @"`([^`\s]+)`").Select(m => m.Groups[1].Value)
                .Concat(Regex.Matches(prose, @"\]\(([^)\s#]+)").Select(m => m.Groups[1].Value));
            foreach (var raw in named)
            {
                var path = raw.TrimEnd('.', ',', ':', ';', ')');
                if (!Roots.Any(r => path.StartsWith(r, StringComparison.Ordinal)) && !path.StartsWith("../", StringComparison.Ordinal)) continue;
                if (path.IndexOfAny(['*', '{', '<']) >= 0 || path.EndsWith(".received.txt", StringComparison.Ordinal)) continue;
                var baseDirectory = path.StartsWith("../", StringComparison.Ordinal) ? Path.GetDirectoryName(file)! : RepoPaths.Root;
                var full = Path.GetFullPath(Path.Combine(baseDirectory, path));
                if (path.StartsWith("../shared", StringComparison.Ordinal) || full.StartsWith(Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared")), StringComparison.Ordinal)) continue;
                checkedPaths++;
                if (!File.Exists(full) && !Directory.Exists(full)) missing.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {raw}");
            }
        }
        TestContext.Out.WriteLine($"{checkedPaths} paths named in {files.Count} documents");
        Assert.That(missing, Is.Empty);
        Assert.That(checkedPaths, Is.GreaterThan(30));
    }
}
