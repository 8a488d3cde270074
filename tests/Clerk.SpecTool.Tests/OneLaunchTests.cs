using System;
using System.IO;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.SpecTool.Tests;

/// <summary>
/// One launch of the tool for every stale API (<c>normalize A --then B</c>), NSwag in its process
/// (<c>--nswag-variables</c>), and an API that shares another's models skipped when it runs only because of that API
/// (<c>--if-shared-changed</c>) and that API's normalized document came out the same.
/// </summary>
public class OneLaunchTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /things/{thing_id}:
            get:
              operationId: GetThing
              x-speakeasy-group: things
              x-speakeasy-name-override: get
              parameters: [ { name: thing_id, in: path, required: true, schema: { type: string } } ]
              responses:
                '200': { description: OK, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
        components:
          schemas:
            Thing: { type: object, required: [id], properties: { id: { type: string }, name: { type: string } } }
        """;

    [Test]
    public void TwoApis_InOneLaunch_AreNormalized_AndNSwagWritesTheirCode()
    {
        var dir = RepoPaths.TempDirectory("clerk-spectool-launch");
        var (first, second) = (Api(dir, "first", "Test.First"), Api(dir, "second", "Test.Second"));
        var (code, output) = Run([.. first, "--then", .. second]);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(dir, "first.g.cs")), Does.Contain("namespace Test.First").And.Contain("partial class Thing"));
            Assert.That(File.ReadAllText(Path.Combine(dir, "second.g.cs")), Does.Contain("namespace Test.Second").And.Contain("partial class Thing"));
            Assert.That(output, Does.Contain("Clerk.SpecTool: t from").And.Not.Contain("error CLERKSPEC"));
        });
    }

    [Test]
    public void AnApiThatSharesModels_RunsAfterTheOther_AndIsSkippedWhenItsDocumentCameOutTheSame()
    {
        var dir = RepoPaths.TempDirectory("clerk-spectool-launch");
        var backend = Api(dir, "backend", "Test.Backend");
        string[] payloads = [.. Api(dir, "payloads", "Test.Payloads"), "--shared-models", Path.Combine(dir, "backend.normalized.json"), "--shared-namespace", "Test.Backend", "--if-shared-changed"];

        var (code, output) = Run([.. backend, "--then", .. payloads]);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("1 models shared with Test.Backend"), "the first launch writes the backend document, so the payloads run");
        var payloadCode = File.GetLastWriteTimeUtc(Path.Combine(dir, "payloads.normalized.json"));

        (code, output) = Run([.. backend, "--then", .. payloads]);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("t up to date (the models it shares did not change)"));
            Assert.That(File.GetLastWriteTimeUtc(Path.Combine(dir, "payloads.normalized.json")), Is.EqualTo(payloadCode));
        });

        // Without --if-shared-changed (the API's own inputs changed), it runs whatever the other API wrote.
        (code, output) = Run([.. backend, "--then", .. payloads[..^1]]);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Not.Contain("up to date"));
    }

    [Test]
    public void WhenTheApiWhoseModelsAreShared_Fails_TheOtherIsNotGenerated_AndTheLaunchFails()
    {
        var dir = RepoPaths.TempDirectory("clerk-spectool-launch");
        string[] broken = [.. Api(dir, "backend", "Test.Backend"), "--overlays", Path.Combine(dir, "missing-overlays")];
        Directory.CreateDirectory(Path.Combine(dir, "missing-overlays"));
        File.WriteAllText(Path.Combine(dir, "missing-overlays", "1.yaml"), "overlay: 1.0.0\ninfo: { title: o, version: '1' }\nactions:\n  - target: $.paths['/nowhere']\n    update: { x: 1 }\n");
        string[] payloads = [.. Api(dir, "payloads", "Test.Payloads"), "--shared-models", Path.Combine(dir, "backend.normalized.json"), "--shared-namespace", "Test.Backend"];
        var (code, output) = Run([.. broken, "--then", .. payloads]);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output, Does.Contain("error CLERKSPEC: t: not generated, because the API whose models it shares"));
            Assert.That(File.Exists(Path.Combine(dir, "payloads.g.cs")), Is.False);
        });
    }

    /// <summary>The options of one API named <paramref name="name"/>: the test spec, NSwag with the repository's settings and templates.</summary>
    private static string[] Api(string dir, string name, string ns)
    {
        var (lockFile, specs) = PinnedSpec.Write(dir, Spec);
        var normalized = Path.Combine(dir, name + ".normalized.json");
        return
        [
            "--lock", lockFile, "--spec", "t", "--search", specs, "--cache", Path.Combine(dir, "cache"), "--no-download",
            "--out", normalized, "--client-namespace", ns,
            "--nswag-config", Path.Combine(RepoPaths.Root, "nswag.json"), "--nswag-out", Path.Combine(dir, name + ".nswag.json"),
            "--nswag-variables", $"Input={normalized},Output={Path.Combine(dir, name + ".g.cs")},Namespace={ns},TemplateDirectory={Path.Combine(RepoPaths.Root, "build", "templates")},GenerateClients=true",
        ];
    }

    private static (int Code, string Output) Run(string[] apiArgs)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        var output = new StringWriter();
        Console.SetOut(output);
        Console.SetError(output);
        try
        {
            return (Program.Main(["normalize", .. apiArgs]), output.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }
}
