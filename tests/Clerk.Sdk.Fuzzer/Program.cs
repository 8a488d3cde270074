using System;
using System.IO;
using System.Linq;
using System.Text;
using Clerk.Sdk.Tests.Fuzzing;

namespace Clerk.Sdk.Fuzzer;

/// <summary>
/// <c>Clerk.Sdk.Fuzzer fuzz TARGET</c>: one target under AFL++ (SharpFuzz's out-of-process runner; an input that breaks
/// the target's contract throws, which AFL++ records as a crash).
/// <c>Clerk.Sdk.Fuzzer seeds TARGET DIR</c>: writes the target's seeds, AFL++'s starting corpus.
/// <c>Clerk.Sdk.Fuzzer replay TARGET FILE...</c>: runs inputs (a crash AFL++ saved) and prints what each did.
/// <c>Clerk.Sdk.Fuzzer list</c>: the targets.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "fuzz")
        {
            // Under AFL++ the SDK is instrumented, and instrumented code may run only inside the runner's callback:
            // the targets (whose static setup calls the SDK) are looked up there, on the first input.
            var name = args[1];
            Action<byte[]>? run = null;
            SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
            {
                run ??= FuzzTargets.All.FirstOrDefault(t => t.Name == name)?.Run ?? throw new ArgumentException($"no fuzz target '{name}'");
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                run(buffer.ToArray());
            });
            return 0;
        }
        if (args.Length == 1 && args[0] == "list")
        {
            foreach (var target in FuzzTargets.All) Console.WriteLine(target.Name);
            return 0;
        }
        if (args.Length < 2 || FuzzTargets.All.FirstOrDefault(t => t.Name == args[1]) is not { } chosen)
        {
            Console.Error.WriteLine($"usage: Clerk.Sdk.Fuzzer fuzz TARGET | seeds TARGET DIR | replay TARGET FILE... | list [DIR|FILE...] (targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))})");
            return 2;
        }
        switch (args[0])
        {
            case "seeds" when args.Length == 3:
                Directory.CreateDirectory(args[2]);
                for (var i = 0; i < chosen.Seeds.Length; i++) File.WriteAllText(Path.Combine(args[2], $"seed-{i}"), chosen.Seeds[i], new UTF8Encoding(false));
                return 0;
            case "replay":
                var failed = 0;
                foreach (var file in args.Skip(2))
                {
                    try
                    {
                        chosen.Run(File.ReadAllBytes(file));
                        Console.WriteLine($"{file}: ok");
                    }
                    catch (Exception ex)
                    {
                        failed++;
                        Console.WriteLine($"{file}: {ex.GetType().Name}: {ex.Message}");
                    }
                }
                return failed == 0 ? 0 : 1;
            default:
                Console.Error.WriteLine($"unknown command '{args[0]}'");
                return 2;
        }
    }
}
