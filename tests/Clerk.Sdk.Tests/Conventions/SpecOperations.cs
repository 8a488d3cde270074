using System;
using System.Collections.Generic;
using System.IO;
using Clerk.Sdk.TestKit;
using Clerk.Sdk.TestKit.Spec;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>The operations of the normalized Backend API document the build produced (read by the test kit's one spec
/// reader); the spec, not the test, defines the count.</summary>
internal static class SpecOperations
{
    private static readonly Lazy<IReadOnlyList<SpecOperation>> LazyAll = new(Load);

    /// <summary>Every operation (paths x HTTP methods) in document order. Throws with a clear message when the spec is missing.</summary>
    public static IReadOnlyList<SpecOperation> All => LazyAll.Value;

    private static IReadOnlyList<SpecOperation> Load()
    {
        var path = RepoPaths.NormalizedBackendApiSpec;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The normalized Backend API spec is missing: {path}. It is written by the Clerk.Sdk build " +
                "(build/Clerk.CodeGen.targets); run 'dotnet build src/Clerk.Sdk' first.", path);
        }
        return ApiSpec.Load(path).Operations;
    }
}
