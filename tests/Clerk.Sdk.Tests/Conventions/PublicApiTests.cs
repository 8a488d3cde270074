using System;
using System.IO;
using System.Linq;
using System.Text;
using NUnit.Framework;
using PublicApiGenerator;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>
/// The public API of Clerk.Sdk is reviewed like code: it is listed in api/Clerk.Sdk.approved.txt, and any change to it
/// (from the spec, the normalizer, the templates or handwritten code) fails here until the new listing is approved.
/// </summary>
[TestFixture]
public class PublicApiTests
{
    private const string AssemblyName = "Clerk.Sdk";

    /// <summary>Attributes that would make the listing change with the toolchain rather than with the API.</summary>
    private static readonly string[] NoiseAttributes =
    [
        "System.CodeDom.Compiler.GeneratedCodeAttribute",          // carries the NSwag/NJsonSchema version
        "System.Runtime.CompilerServices.CompilerGeneratedAttribute",
        "System.Diagnostics.DebuggerNonUserCodeAttribute",
        "System.Diagnostics.DebuggerStepThroughAttribute",
    ];

    [Test]
    public void PublicApi_MatchesApprovedListing()
    {
        var approvedPath = Path.Combine(RepoPaths.ApiDirectory, $"{AssemblyName}.approved.txt");
        var receivedPath = Path.Combine(RepoPaths.ApiDirectory, $"{AssemblyName}.received.txt");
        var received = Generate();
        var approveHint =
            $"If the change is intended, approve it: cp {Relative(receivedPath)} {Relative(approvedPath)} (from the repo root) and commit the approved file.";

        if (!File.Exists(approvedPath))
        {
            Write(receivedPath, received);
            Assert.Fail($"There is no approved public API listing at {approvedPath}. The current one was written to {receivedPath}; review it. {approveHint}");
        }

        var approved = Normalize(File.ReadAllText(approvedPath));
        if (approved == received)
        {
            File.Delete(receivedPath); // a stale received file from an earlier failure would only confuse
            return;
        }

        Write(receivedPath, received);
        var diff = TextDiff.Unified(Lines(approved), Lines(received), Relative(approvedPath), Relative(receivedPath), context: 2, maxChangedLines: 40);
        Assert.Fail($"The public API of {AssemblyName} changed.{Environment.NewLine}{diff}{Environment.NewLine}{Environment.NewLine}{approveHint}");
    }

    [Test]
    public void PublicApi_IsDeterministic()
    {
        var first = Generate();
        var second = Generate();
        Assert.That(second, Is.EqualTo(first), "two generations of the public API listing differ");
    }

    /// <summary>The listing, with LF line endings, no trailing whitespace and one final newline.</summary>
    internal static string Generate() => Generate(typeof(ClerkClient).Assembly);

    /// <summary>The listing of another build of Clerk.Sdk (the spec-evolution check loads one).</summary>
    internal static string Generate(System.Reflection.Assembly assembly)
    {
        var options = new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,   // InternalsVisibleTo, target framework, version: not API
            ExcludeAttributes = NoiseAttributes,
            DenyNamespacePrefixes = [],          // services.AddClerk lives in Microsoft.Extensions.DependencyInjection: it is API too
        };
        return Normalize(assembly.GeneratePublicApi(options));
    }

    private static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        return string.Join("\n", lines).Trim('\n') + "\n";
    }

    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string Relative(string path) => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
}
