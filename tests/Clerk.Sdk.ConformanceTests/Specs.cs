using System;
using Clerk.Sdk.ConformanceTests.Spec;

namespace Clerk.Sdk.ConformanceTests;

/// <summary>The two documents the build wrote, loaded once: the normalized one (what the SDK was generated from) and the mock one (what Prism serves).</summary>
internal static class Specs
{
    private const string Remedy = "it is written by the Clerk.Sdk build (build/Clerk.CodeGen.targets); run 'dotnet build src/Clerk.Sdk' or build/test.sh";

    private static readonly Lazy<ApiSpec> LazyNormalized = new(() => ApiSpec.Load(ConformancePaths.Require(ConformancePaths.NormalizedSpec, Remedy)));

    private static readonly Lazy<ApiSpec> LazyMock = new(() => ApiSpec.Load(ConformancePaths.Require(ConformancePaths.MockSpec, Remedy)));

    /// <summary>Operation ids, C# parameter names, query names, request schemas.</summary>
    public static ApiSpec Normalized => LazyNormalized.Value;

    /// <summary>The same operations with their error responses (which codes Prism can be asked for).</summary>
    public static ApiSpec Mock => LazyMock.Value;
}
