using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>Paths of the repository the tests were built from (from the <c>ClerkRepoRoot</c> assembly metadata).</summary>
internal static class RepoPaths
{
    /// <summary>The repository root, ending without a separator; throws with a clear message when it is not known.</summary>
    public static string Root
    {
        get
        {
            var root = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "ClerkRepoRoot")?.Value;
            if (string.IsNullOrWhiteSpace(root))
            {
                throw new InvalidOperationException(
                    "The test assembly has no AssemblyMetadata(\"ClerkRepoRoot\") value; see tests/Clerk.Sdk.Tests/Clerk.Sdk.Tests.csproj " +
                    "(ClerkRepoRoot comes from Directory.Build.props).");
            }
            root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (!Directory.Exists(root))
            {
                throw new InvalidOperationException($"ClerkRepoRoot '{root}' (AssemblyMetadata of the test assembly) does not exist.");
            }
            return root;
        }
    }

    /// <summary>The normalized Backend API spec written by the build (build/Clerk.CodeGen.targets).</summary>
    public static string NormalizedBackendApiSpec =>
        Path.Combine(Root, "src", "Clerk.Sdk", "obj", "clerk-codegen", "BackendApi.normalized.json");

    /// <summary>The folder of the approved public API listings.</summary>
    public static string ApiDirectory => Path.Combine(Root, "api");

    /// <summary>Folders holding C# source compiled into Clerk.Sdk (handwritten and generated).</summary>
    public static string[] SdkSourceDirectories => [Path.Combine(Root, "src", "Clerk.Sdk"), Path.Combine(Root, "generated")];
}
