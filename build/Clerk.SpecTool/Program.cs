using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Entry point. One command:
/// <c>normalize --lock F --spec ID --search DIR[;DIR] --cache DIR --overlays DIR --out FILE</c>
/// restores the pinned spec (search dirs, then download), verifies its SHA-256,
/// applies the overlays and writes the normalized JSON that NSwag reads; optionally the generated half of the facade
/// (<c>--facade-out</c>) and the operation descriptors (<c>--operations-out</c>). <c>--mock-out FILE</c> also
/// writes the document a mock server serves to the conformance suite, from the same run (error responses and
/// multipart bodies kept). The C# projections are written from one typed <see cref="ApiModel"/> of the result.
/// With <c>--nswag-variables</c> the tool then runs NSwag on the normalized document in the same process
/// (<see cref="NSwagRunner"/>). Several APIs in one launch: their options separated by <c>--then</c>; they run in
/// parallel, an API that shares another's models after that one.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            if (args.Length == 3 && args[0] == "diff")
            {
                Console.Write(SpecDiff.Markdown(args[1], args[2]));
                return 0;
            }
            if (args.Length >= 2 && args[0] == "lock")
            {
                return LockCommand(args[1], ParseOptions(args.Skip(2).ToArray()));
            }
            if (args.Length == 0 || args[0] != "normalize")
            {
                Console.Error.WriteLine("usage: Clerk.SpecTool diff OLD.json NEW.json | Clerk.SpecTool lock get --lock FILE [--spec ID] --field commit|path|sha256|url | Clerk.SpecTool lock set --lock FILE --spec ID --path PATH --sha256 HASH | Clerk.SpecTool normalize --lock FILE --spec ID --search DIR[;DIR...] --cache DIR --overlays DIR --out FILE [--mock-out FILE] [--facade-out FILE --facade-class NS.Class --client-namespace NS] [--operations-out FILE] [--webhook-events-out FILE] [--nswag-config FILE --nswag-out FILE] [--nswag-variables Input=...,Output=...] [--shared-models BACKEND.normalized.json --shared-namespace NS [--if-shared-changed]] [--no-download] [--then OPTIONS OF THE NEXT API]...");
                return 2;
            }
            // One or more APIs, separated by --then: each API's options as for one. They run in parallel, except that an API
            // whose --shared-models is another API's --out waits for that API (the Webhooks payloads share the Backend
            // API's models).
            var runs = SplitRuns(args.Skip(1).ToArray()).Select(ParseOptions).ToList();
            var byOutput = new Dictionary<string, Task<ApiRun>>(StringComparer.Ordinal);
            var tasks = new List<Task<ApiRun>>();
            foreach (var options in runs)
            {
                var producer = options.GetValueOrDefault("shared-models") is { Length: > 0 } shared
                    ? byOutput.GetValueOrDefault(Path.GetFullPath(shared)) : null;
                var task = Task.Run(() => NormalizeAfter(producer, options));
                tasks.Add(task);
                byOutput[Path.GetFullPath(Required(options, "out"))] = task;
            }
            var failed = false;
            foreach (var task in tasks)
            {
                try
                {
                    Console.WriteLine(task.GetAwaiter().GetResult().Report);
                }
                catch (SpecToolException ex)
                {
                    Console.Error.WriteLine($"error CLERKSPEC: {ex.Message}");
                    failed = true;
                }
            }
            return failed ? 1 : 0;
        }
        catch (SpecToolException ex)
        {
            Console.Error.WriteLine($"error CLERKSPEC: {ex.Message}");
            return 1;
        }
    }

    /// <summary>
    /// One API: restore and verify its spec, apply its overlays, normalize, write the documents and C# projections, and
    /// (with <c>--nswag-variables</c>) run NSwag on the result. Returns the report line and whether the normalized document
    /// changed.
    /// </summary>
    private static async Task<ApiRun> Normalize(Dictionary<string, string?> options)
    {
        var lockFile = SpecLock.Load(Required(options, "lock"));
        var entry = lockFile.Get(Required(options, "spec"));
        var searchDirs = (options.GetValueOrDefault("search") ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var locator = new SpecLocator(searchDirs, Required(options, "cache"), allowDownload: !options.ContainsKey("no-download"));
        var specPath = locator.Locate(entry);

        var document = YamlJson.Load(specPath);
        var overlayDir = options.GetValueOrDefault("overlays");
        var applied = OverlayApplier.ApplyDirectory(document, overlayDir);
        var clientNamespace = options.GetValueOrDefault("client-namespace") ?? "Clerk.BackendApi";
        // One run makes both documents: the mock forks from the SDK's where their passes start to differ.
        var normalizer = new SpecNormalizer(document, withMock: options.GetValueOrDefault("mock-out") is { Length: > 0 });
        var report = normalizer.Run();
        var changed = WriteIfChanged(Required(options, "out"), document);
        if (normalizer.Mock is { } mock) WriteIfChanged(Required(options, "mock-out"), mock);
        var model = ApiModel.From(document);
        // Models the Backend API already has (webhook payloads, Frontend API objects): no second type (SharedModels).
        var shared = new SortedSet<string>(StringComparer.Ordinal);
        var sharedNamespace = options.GetValueOrDefault("shared-namespace") ?? "Clerk.BackendApi";
        if (options.GetValueOrDefault("shared-models") is { Length: > 0 } sharedModels)
        {
            if (!File.Exists(sharedModels)) throw new SpecToolException($"--shared-models: {sharedModels} does not exist (the Backend API is normalized first)");
            shared = SharedModels.Find(document, JObject.Parse(File.ReadAllText(sharedModels)));
        }
        if (options.GetValueOrDefault("nswag-out") is { Length: > 0 } nswagOut)
        {
            var template = JObject.Parse(File.ReadAllText(Required(options, "nswag-config")));
            WriteIfChanged(nswagOut, SharedModels.NSwagConfig(template, shared, sharedNamespace));
        }
        if (options.GetValueOrDefault("facade-out") is { Length: > 0 } facadeOut)
        {
            FacadeWriter.Write(model, Required(options, "facade-class"), Required(options, "client-namespace"), Path.GetFileNameWithoutExtension(entry.Path), facadeOut);
        }
        if (options.GetValueOrDefault("webhook-events-out") is { Length: > 0 } eventsOut)
        {
            WebhookTableWriter.Write(document, Required(options, "client-namespace"), eventsOut, shared, sharedNamespace);
        }
        if (options.GetValueOrDefault("operations-out") is { Length: > 0 } operationsOut)
        {
            OperationTableWriter.Write(model, Required(options, "client-namespace"), operationsOut);
        }
        var sharedNote = shared.Count > 0 ? $", {shared.Count} models shared with {sharedNamespace} (no second type)" : "";
        if (options.GetValueOrDefault("nswag-variables") is { Length: > 0 } variables)
        {
            await NSwagRunner.RunAsync(Required(options, "nswag-out"), variables).ConfigureAwait(false);
        }
        return new ApiRun($"Clerk.SpecTool: {entry.Id} from {specPath} (sha256 ok), {applied} overlay action(s), {report}{sharedNote}", changed);
    }

    /// <summary>
    /// Runs <see cref="Normalize"/> once the API whose models this one shares (if it runs too) is done. With
    /// <c>--if-shared-changed</c> (the API runs only because that API is out of date), nothing is done when that API's
    /// normalized document came out the same.
    /// </summary>
    private static async Task<ApiRun> NormalizeAfter(Task<ApiRun>? producer, Dictionary<string, string?> options)
    {
        if (producer is not null)
        {
            ApiRun produced;
            try
            {
                produced = await producer.ConfigureAwait(false);
            }
            catch (SpecToolException)
            {
                throw new SpecToolException($"{options.GetValueOrDefault("spec")}: not generated, because the API whose models it shares ({options.GetValueOrDefault("shared-models")}) failed");
            }
            if (!produced.OutputChanged && options.ContainsKey("if-shared-changed"))
            {
                return new ApiRun($"Clerk.SpecTool: {options.GetValueOrDefault("spec")} up to date (the models it shares did not change)", false);
            }
        }
        return await Normalize(options).ConfigureAwait(false);
    }

    /// <summary>One API's run: its report line, and whether its normalized document changed.</summary>
    private sealed record ApiRun(string Report, bool OutputChanged);

    /// <summary>Splits the command line at each <c>--then</c>: one argument list per API.</summary>
    private static IEnumerable<string[]> SplitRuns(string[] args)
    {
        var current = new List<string>();
        foreach (var arg in args)
        {
            if (arg == "--then")
            {
                yield return current.ToArray();
                current = new List<string>();
            }
            else
            {
                current.Add(arg);
            }
        }
        yield return current.ToArray();
    }

    /// <summary><c>lock get</c> prints one field (of the file, or of one pinned spec); <c>lock set</c> repins a spec.</summary>
    private static int LockCommand(string verb, Dictionary<string, string?> options)
    {
        var path = Required(options, "lock");
        var lockFile = SpecLock.Load(path);
        switch (verb)
        {
            case "get":
                var field = Required(options, "field");
                if (options.GetValueOrDefault("spec") is not { Length: > 0 } id)
                {
                    Console.WriteLine(field == "commit" ? lockFile.Commit : throw new SpecToolException($"--field {field} needs --spec (the file itself has only a commit)"));
                    return 0;
                }
                var entry = lockFile.Get(id);
                Console.WriteLine(field switch
                {
                    "path" => entry.Path,
                    "sha256" => entry.Sha256,
                    "url" => entry.Url,
                    _ => throw new SpecToolException($"unknown --field {field} (commit, path, sha256, url)"),
                });
                return 0;
            case "set":
                lockFile.Set(Required(options, "spec"), Required(options, "path"), Required(options, "sha256"));
                lockFile.Save(path);
                return 0;
            default:
                throw new SpecToolException($"unknown lock command '{verb}' (get, set)");
        }
    }

    /// <summary>Only touches the file when its content changes, so downstream incremental steps stay quiet.</summary>
    private static bool WriteIfChanged(string output, JObject document) =>
        GeneratedFile.WriteIfChanged(output, document.ToString(Formatting.Indented));

    private static string Required(Dictionary<string, string?> options, string name) =>
        options.GetValueOrDefault(name) is { Length: > 0 } value
            ? value
            : throw new SpecToolException($"missing required option --{name}");

    private static Dictionary<string, string?> ParseOptions(string[] args)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new SpecToolException($"unexpected argument '{args[i]}'");
            }
            var name = args[i][2..];
            string? value = null;
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            result[name] = value;
        }
        return result;
    }
}
