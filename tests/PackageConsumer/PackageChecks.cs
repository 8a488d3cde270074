using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;

namespace PackageConsumer;

/// <summary>
/// The packed packages as NuGet.org and a debugger see them: each nuspec names its readme (present, links absolute so
/// they work on a package page) and the repository commit; every assembly is a deterministic build and its pdb (in the
/// .snupkg) has path-mapped documents (no machine paths) and SourceLink; the net8.0 dependencies are 8.x, and so is
/// every Microsoft.Extensions / System.* package the net8.0 restore of this project pulls in through them. Writes
/// TestResults/packages-summary.txt, which build/test.sh prints ("packages: 3/3 checked").
/// </summary>
public class PackageChecks
{
    private static readonly string[] Packages = ["Clerk.Sdk", "Clerk.Sdk.AspNetCore", "Clerk.Sdk.Testing"];
    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Test]
    public void EveryPackedPackagePassesTheChecks()
    {
        var failures = new List<string>();
        var passed = 0;
        foreach (var id in Packages)
        {
            var problems = Check(id).ToList();
            failures.AddRange(problems.Select(p => $"{id}: {p}"));
            passed += problems.Count == 0 ? 1 : 0;
        }
        var graph = CheckNet8Graph().ToList();
        failures.AddRange(graph);
        var line = $"packages: {passed}/{Packages.Length} checked (readme with absolute links, repository commit, deterministic assemblies, path-mapped pdbs with SourceLink, net8.0 dependencies 8.x)"
                   + (graph.Count == 0 ? "" : $"; net8.0 graph: {graph.Count} problem(s)");
        var summary = Path.Combine(Metadata("ClerkRepoRoot"), "TestResults", "packages-summary.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(summary)!);
        File.WriteAllLines(summary, new[] { line }.Concat(failures));
        TestContext.Progress.WriteLine(line);

        Assert.That(failures, Is.Empty);
    }

    private static IEnumerable<string> Check(string id)
    {
        var version = Metadata("ClerkPackageVersion");
        var nupkg = Path.Combine(Metadata("ClerkPackageFeed"), $"{id}.{version}.nupkg");
        var snupkg = Path.ChangeExtension(nupkg, ".snupkg");
        if (!File.Exists(nupkg) || !File.Exists(snupkg))
        {
            yield return $"{nupkg} or its .snupkg is missing";
            yield break;
        }
        using var package = ZipFile.OpenRead(nupkg);
        using var symbols = ZipFile.OpenRead(snupkg);
        var metadata = XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open()).Root!.Element(Nuspec + "metadata")!;

        var readme = metadata.Element(Nuspec + "readme")?.Value;
        var readmeEntry = readme is null ? null : package.GetEntry(readme);
        if (readmeEntry is null)
        {
            yield return "no readme in the package";
        }
        else
        {
            using var reader = new StreamReader(readmeEntry.Open());
            var relative = Regex.Matches(reader.ReadToEnd(), @"\]\((?!https?://|#|mailto:)([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
            if (relative.Count > 0) yield return $"the readme has relative links, broken on a package page: {string.Join(", ", relative.Take(5))}";
        }

        var repository = metadata.Element(Nuspec + "repository");
        if (repository?.Attribute("url")?.Value is not { Length: > 0 } || !Regex.IsMatch(repository.Attribute("commit")?.Value ?? "", "^[0-9a-f]{40}$"))
        {
            yield return "the nuspec's repository element lacks the URL or the commit";
        }

        var net8 = metadata.Element(Nuspec + "dependencies")?.Elements(Nuspec + "group").FirstOrDefault(g => g.Attribute("targetFramework")?.Value == "net8.0");
        if (net8 is null)
        {
            yield return "no net8.0 dependency group";
        }
        else
        {
            foreach (var dependency in net8.Elements(Nuspec + "dependency"))
            {
                var (name, range) = (dependency.Attribute("id")!.Value, dependency.Attribute("version")!.Value);
                if (IsFrameworkAligned(name) && Major(range) != 8) yield return $"net8.0 depends on {name} {range}, not 8.x";
            }
        }

        foreach (var dll in package.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
        {
            using (var pe = new PEReader(ReadAll(dll)))
            {
                if (!pe.ReadDebugDirectory().Any(d => d.Type == DebugDirectoryEntryType.Reproducible)) yield return $"{dll.FullName} is not a deterministic build";
            }
            var pdbEntry = symbols.GetEntry(Path.ChangeExtension(dll.FullName, ".pdb"));
            if (pdbEntry is null)
            {
                yield return $"no pdb for {dll.FullName} in the .snupkg";
                continue;
            }
            using var pdb = MetadataReaderProvider.FromPortablePdbStream(ReadAll(pdbEntry));
            var reader = pdb.GetMetadataReader();
            var documents = reader.Documents.Select(h => reader.GetString(reader.GetDocument(h).Name)).ToList();
            var unmapped = documents.Where(d => !d.StartsWith("/_/", StringComparison.Ordinal)).ToList();
            if (unmapped.Count > 0) yield return $"{pdbEntry.FullName} names {unmapped.Count} source file(s) by a machine path, e.g. {unmapped[0]}";
            var hasSourceLink = reader.CustomDebugInformation.Any(h => reader.GetGuid(reader.GetCustomDebugInformation(h).Kind) == SourceLinkKind);
            if (!hasSourceLink) yield return $"{pdbEntry.FullName} has no SourceLink";
        }
    }

    /// <summary>Every framework-aligned package the net8.0 restore reaches through the Clerk packages is 8.x.</summary>
    private static IEnumerable<string> CheckNet8Graph()
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Metadata("ProjectAssetsFile")));
        var target = assets.RootElement.GetProperty("targets").GetProperty("net8.0");
        var libraries = target.EnumerateObject().ToDictionary(p => p.Name.Split('/')[0], p => (Version: p.Name.Split('/')[1], Body: p.Value), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(Packages);
        while (queue.Count > 0)
        {
            var name = queue.Dequeue();
            if (!seen.Add(name) || !libraries.TryGetValue(name, out var library)) continue;
            if (IsFrameworkAligned(name) && Major(library.Version) != 8) yield return $"net8.0 restore pulls {name} {library.Version} through the Clerk packages";
            if (library.Body.TryGetProperty("dependencies", out var dependencies))
            {
                foreach (var dependency in dependencies.EnumerateObject()) queue.Enqueue(dependency.Name);
            }
        }
        if (!seen.Contains("Clerk.Sdk")) yield return "the net8.0 restore has no Clerk.Sdk";
    }

    private static bool IsFrameworkAligned(string name) =>
        name.StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("System.", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.AspNetCore.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Microsoft.Bcl.", StringComparison.OrdinalIgnoreCase);

    private static int Major(string versionOrRange) => int.Parse(Regex.Match(versionOrRange, @"\d+").Value);

    private static MemoryStream ReadAll(ZipArchiveEntry entry)
    {
        var memory = new MemoryStream();
        using (var stream = entry.Open()) stream.CopyTo(memory);
        memory.Position = 0;
        return memory;
    }

    private static string Metadata(string key) =>
        typeof(PackageChecks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"{key} is not set");
}
