using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Clerk.Sdk.AspNetCore.Tests.TestKit;

/// <summary>Paths of the repository the tests were built from (the <c>ClerkRepoRoot</c> assembly metadata).</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            var root = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ClerkRepoRoot")?.Value
                ?? throw new InvalidOperationException("The test assembly has no AssemblyMetadata(\"ClerkRepoRoot\") value (see the test .csproj).");
            return Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        }
    }

    public static string ApiDirectory => Path.Combine(Root, "api");
}
