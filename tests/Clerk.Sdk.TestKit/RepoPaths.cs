using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Clerk.Sdk.TestKit;

/// <summary>
/// Paths of the repository the tests were built from (assembly metadata <c>ClerkRepoRoot</c>) and of the build's
/// products, which the build itself names (<see cref="CodeGen"/>): no test spells an obj/ path.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root, without a trailing separator; throws with a clear message when it is not known.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The approved public API listings.</summary>
    public static string ApiDirectory => Path.Combine(Root, "api");

    /// <summary>Where tests write the summaries build/test.sh prints.</summary>
    public static string TestResults => Path.Combine(Root, "TestResults");

    /// <summary>The spec lock file.</summary>
    public static string LockFile => Path.Combine(Root, "openapi", "specs.lock.json");

    /// <summary>Where Clerk's specs are read from: <c>CLERK_OPENAPI_DIR</c>, else <c>../shared/openapi/clerk</c> beside the repository.</summary>
    public static string SpecRoot =>
        Environment.GetEnvironmentVariable("CLERK_OPENAPI_DIR") is { Length: > 0 } dir ? dir : Path.GetFullPath(Path.Combine(Root, "..", "shared", "openapi", "clerk"));

    /// <summary>Folders holding C# source compiled into Clerk.Sdk (handwritten and generated).</summary>
    public static string[] SdkSourceDirectories => [Path.Combine(Root, "src", "Clerk.Sdk"), Path.Combine(Root, "generated")];

    /// <summary>
    /// A document the code generation wrote for <paramref name="api"/> (<c>BackendApi</c>, <c>FrontendApi</c>,
    /// <c>Webhooks</c>): <c>normalized</c> (what NSwag generated the SDK from) or <c>mock</c> (error responses and
    /// form bodies kept: what Prism serves). The path comes from Clerk.Sdk's GetClerkCodeGenOutputs target.
    /// </summary>
    public static string CodeGen(string api, string kind) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == $"ClerkCodeGen:{api}.{kind}")?.Value
        ?? throw new InvalidOperationException($"The build names no '{kind}' document for '{api}' (Clerk.Sdk's GetClerkCodeGenOutputs; see tests/Clerk.Sdk.TestKit/Clerk.Sdk.TestKit.csproj).");

    /// <summary>The normalized Backend API document.</summary>
    public static string NormalizedBackendApiSpec => CodeGen("BackendApi", "normalized");

    /// <summary>The Backend API document the mock server (and the fake) read.</summary>
    public static string MockBackendApiSpec => CodeGen("BackendApi", "mock");

    /// <summary>A new empty folder under the system's temporary folder.</summary>
    public static string TempDirectory(string purpose)
    {
        var directory = Path.Combine(Path.GetTempPath(), purpose, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static string FindRoot()
    {
        var root = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ClerkRepoRoot")?.Value;
        if (string.IsNullOrWhiteSpace(root))
        {
            throw new InvalidOperationException("The test kit has no AssemblyMetadata(\"ClerkRepoRoot\") value (it comes from Directory.Build.props).");
        }
        root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return Directory.Exists(root) ? root : throw new InvalidOperationException($"ClerkRepoRoot '{root}' does not exist.");
    }
}
