using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Clerk.Sdk.ConformanceTests;

/// <summary>Where the repo, the specs the build wrote and the pinned Prism are (from the <c>ClerkRepoRoot</c> assembly metadata).</summary>
internal static class ConformancePaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// A file the build wrote for the spec tool's run (<c>BackendApi.normalized.json</c>: what NSwag generated the SDK
    /// from; <c>BackendApi.mock.json</c>: the same with the error responses and form bodies kept, what Prism serves).
    /// </summary>
    public static string CodeGen(string fileName) => Path.Combine(Root, "src", "Clerk.Sdk", "obj", "clerk-codegen", fileName);

    /// <summary>The Prism CLI installed by <c>npm ci</c> in tests/ (version pinned by tests/package-lock.json).</summary>
    public static string PrismCli => Path.Combine(Root, "tests", "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

    /// <summary>Fails with what to do when a file the suite needs is missing.</summary>
    public static string Require(string path, string remedy) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing; {remedy}", path);

    private static string FindRoot()
    {
        var root = typeof(ConformancePaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ClerkRepoRoot")?.Value;
        if (string.IsNullOrWhiteSpace(root) || !Directory.Exists(root))
        {
            throw new InvalidOperationException(
                $"The test assembly's AssemblyMetadata(\"ClerkRepoRoot\") is '{root}'; see tests/Clerk.Sdk.ConformanceTests/Clerk.Sdk.ConformanceTests.csproj.");
        }
        return Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
    }
}
