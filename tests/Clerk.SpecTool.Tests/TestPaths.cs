using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Clerk.SpecTool.Tests;

/// <summary>Where the repo and the pinned specs are (the specs are never copied into the repo).</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ClerkRepoRoot").Value!;

    public static string LockFile => Path.Combine(RepoRoot, "openapi", "specs.lock.json");

    public static string SpecRoot =>
        Environment.GetEnvironmentVariable("CLERK_OPENAPI_DIR") is { Length: > 0 } dir ? dir : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "openapi", "clerk"));

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "clerk-spectool-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
