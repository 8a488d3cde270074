using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace Clerk.Sdk.AspNetCore.Tests.Readme;

/// <summary>
/// Every <c>csharp</c> block of the documents users read (README.md, docs/guide.md, the packages' readmes) compiles
/// without errors or nullable warnings; a document's blocks all in one file: their <c>using</c> directives together
/// (<c>using Clerk.BackendApi;</c> beside <c>using Clerk.Webhooks;</c> must not make <c>User</c> ambiguous), each
/// block's statements as the body of its own method. The names a block takes from its surroundings (<c>clerk</c>,
/// <c>userId</c>, <c>builder</c>, <c>app</c>, ...) are declared once in <see cref="Harness"/>.
/// </summary>
public class ReadmeSnippetTests
{
    private static readonly Regex UsingDirective = new(@"^using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.<>]+)?\s*;", RegexOptions.CultureInvariant);

    /// <summary>What a README block may use without declaring it, as a reader would have it in their own code.</summary>
    private const string Harness = """
        public sealed class MyPlan { public string? Plan { get; set; } }

        public sealed class AuditHandler : System.Net.Http.DelegatingHandler { }

        public sealed class UserMirror : Clerk.AspNetCore.IClerkWebhookHandler<Clerk.BackendApi.User>
        {
            public System.Threading.Tasks.Task HandleAsync(Clerk.Webhooks.ClerkWebhookEvent<Clerk.BackendApi.User> evt, System.Threading.CancellationToken cancellationToken) => System.Threading.Tasks.Task.CompletedTask;
        }

        public static partial class Snippets
        {
            private static Clerk.ClerkClient clerk = null!;
            private static string userId = "";
            private static string correlationId = "";
            private static string machineSecretKey = "";
            private static string token = "";
            private static string body = "";
            private static System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>> headers = [];
            private static System.Net.Http.HttpRequestMessage request = null!;
            private static System.Threading.CancellationToken ct;
            private static System.Threading.CancellationToken cancellationToken;
            private static Microsoft.AspNetCore.Builder.WebApplicationBuilder builder = null!;
            private static Microsoft.AspNetCore.Builder.WebApplication app = null!;
            private static string[] args = [];
            private static object Unauthorized(object? reason) => reason!;
            private static object Redirect(string location) => location;
            private static System.Threading.Tasks.Task DeleteAsync(string id, System.Threading.CancellationToken cancellationToken) => System.Threading.Tasks.Task.CompletedTask;
        }
        """;

    /// <summary>The documents whose snippets are compiled, and how many blocks each has at least.</summary>
    private static readonly object[] Documents =
    [
        new object[] { "README.md", 6 },
        new object[] { "docs/guide.md", 8 },
        new object[] { "src/Clerk.Sdk/README.md", 1 },
        new object[] { "src/Clerk.Sdk.AspNetCore/README.md", 1 },
        new object[] { "src/Clerk.Sdk.Testing/README.md", 1 },
    ];

    [TestCaseSource(nameof(Documents))]
    public void EveryCSharpBlock_CompilesWithAllTheirUsingsTogether(string document, int minimumBlocks)
    {
        var blocks = Blocks(File.ReadAllText(Path.Combine(RepoRoot(), document)));
        Assert.That(blocks, Has.Count.GreaterThanOrEqualTo(minimumBlocks), $"{document}'s csharp blocks");

        // The implicit usings of a new ASP.NET Core project (Microsoft.NET.Sdk.Web): a block must show every other
        // using it needs, Clerk's namespaces and System.Security.Claims included.
        var usings = new SortedSet<string>(StringComparer.Ordinal)
        {
            "using System;", "using System.Collections.Generic;", "using System.IO;", "using System.Linq;", "using System.Net.Http;",
            "using System.Threading;", "using System.Threading.Tasks;", "using Microsoft.AspNetCore.Builder;", "using Microsoft.AspNetCore.Hosting;",
            "using Microsoft.AspNetCore.Http;", "using Microsoft.AspNetCore.Routing;", "using Microsoft.Extensions.Configuration;",
            "using Microsoft.Extensions.DependencyInjection;", "using Microsoft.Extensions.Hosting;", "using Microsoft.Extensions.Logging;",
        };
        var methods = new StringBuilder();
        for (var i = 0; i < blocks.Count; i++)
        {
            var statements = new StringBuilder();
            foreach (var line in blocks[i].Split('\n'))
            {
                if (UsingDirective.Match(line.Trim()) is { Success: true } directive) usings.Add(directive.Value);
                else statements.AppendLine(line);
            }
            methods.AppendLine($"#line 1 \"{document} block {i + 1}\"");
            methods.AppendLine($"    private static async System.Threading.Tasks.Task<object?> Block{i + 1}()");
            methods.AppendLine("    {");
            methods.AppendLine(statements.ToString());
            methods.AppendLine("        return null;");
            methods.AppendLine("    }");
            methods.AppendLine("#line default");
        }
        var source = $$"""
            {{string.Join(Environment.NewLine, usings)}}

            namespace ReadmeSnippets;

            {{Harness}}

            public static partial class Snippets
            {
            {{methods}}
            }
            """;
        var compilation = CSharpCompilation.Create("ReadmeSnippets",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // Errors, and nullable warnings too (CS86xx): a snippet a reader copies must not warn under <Nullable>enable.
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Id.StartsWith("CS86", StringComparison.Ordinal)))
            .ToList();

        TestContext.Out.WriteLine($"{blocks.Count} blocks of {document} compiled with: {string.Join(" ", usings.Where(u => u.Contains("Clerk", StringComparison.Ordinal)))}");
        Assert.That(errors.Select(e => $"{e.Location.GetMappedLineSpan().Path}:{e.Location.GetMappedLineSpan().StartLinePosition.Line + 1}: {e.Id} {e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"), Is.Empty);
    }

    private static List<string> Blocks(string markdown) =>
        Regex.Matches(markdown, @"^```csharp[ \t]*\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(m => m.Groups["code"].Value.Replace("\r", "", StringComparison.Ordinal))
            .ToList();

    /// <summary>The framework (ASP.NET Core included: this project references it) and every assembly beside the tests (Clerk.*, Newtonsoft.Json).</summary>
    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return platform.Concat(local)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .Where(path => !Path.GetFileName(path).StartsWith("Clerk.Sdk.AspNetCore.Tests", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
    }

    private static string RepoRoot() =>
        typeof(ReadmeSnippetTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "ClerkRepoRoot").Value!;
}
