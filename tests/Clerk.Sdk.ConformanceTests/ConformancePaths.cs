using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.ConformanceTests;

/// <summary>Where the specs the build wrote and the pinned Prism are (the repository and the build products from <see cref="RepoPaths"/>).</summary>
internal static class ConformancePaths
{
    public static string Root => RepoPaths.Root;

    /// <summary>
    /// A file the build wrote for the spec tool's run (<c>BackendApi.normalized.json</c>: what NSwag generated the SDK
    /// from; <c>BackendApi.mock.json</c>: the same with the error responses and form bodies kept, what Prism serves).
    /// </summary>
    public static string CodeGen(string api, string kind) => RepoPaths.CodeGen(api, kind);

    /// <summary>The Prism CLI installed by <c>npm ci</c> in tests/ (version pinned by tests/package-lock.json).</summary>
    public static string PrismCli => Path.Combine(Root, "tests", "node_modules", "@stoplight", "prism-cli", "dist", "index.js");

    /// <summary>Fails with what to do when a file the suite needs is missing.</summary>
    public static string Require(string path, string remedy) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing; {remedy}", path);
}
