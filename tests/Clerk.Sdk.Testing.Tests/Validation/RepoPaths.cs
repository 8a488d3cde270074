using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Clerk.Sdk.Testing.Tests.Validation;

/// <summary>Paths of the repository the tests were built from (AssemblyMetadata <c>ClerkRepoRoot</c>).</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            var root = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ClerkRepoRoot")?.Value
                ?? throw new InvalidOperationException("The test assembly has no AssemblyMetadata(\"ClerkRepoRoot\").");
            return Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        }
    }

    /// <summary>The normalized spec with error responses kept, written by the build.</summary>
    public static string MockSpec => Path.Combine(Root, "src", "Clerk.Sdk", "obj", "clerk-codegen", "BackendApi.mock.json");

    public static string ApiDirectory => Path.Combine(Root, "api");

    public static string TestResults => Path.Combine(Root, "TestResults");
}
