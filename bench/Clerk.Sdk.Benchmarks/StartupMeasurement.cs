using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading.Tasks;

namespace Clerk.Sdk.Benchmarks;

/// <summary>
/// Cold start (<c>--startup [runs]</c>): new processes of <c>bench/Clerk.Sdk.Startup</c>, each making one first call,
/// launched one at a time against the same loopback server, the contenders interleaved run by run.
/// <list type="number">
/// <item>The app is published twice: as is (JIT; the way <c>dotnet run</c> or a default publish starts) and with
/// <c>PublishReadyToRun=true</c> (every assembly precompiled, the app's own choice at publish). A third folder is the
/// JIT one with only Clerk.Sdk.dll replaced by its ReadyToRun image: what shipping the package precompiled would give an
/// app that does not publish ReadyToRun.</item>
/// <item>Per run and contender: the wall time from <c>Process.Start</c> to exit, and from inside the process the time
/// to Main, the first operation's own time (client or verifier created, first call answered and parsed) and the time
/// from the spawn to that answer.</item>
/// <item>The first two rounds are warm-up (file cache); medians of the rest are reported.</item>
/// </list>
/// </summary>
public static class StartupMeasurement
{
    private const string Issuer = "https://clerk.example.com";

    public static async Task<int> RunAsync(int runs)
    {
        var root = RepoRoot();
        var work = Directory.CreateTempSubdirectory("clerk-startup-");
        try
        {
            var jit = Path.Combine(work.FullName, "jit");
            var r2r = Path.Combine(work.FullName, "r2r");
            var sdkR2r = Path.Combine(work.FullName, "sdk-r2r");
            var project = Path.Combine(root, "bench", "Clerk.Sdk.Startup", "Clerk.Sdk.Startup.csproj");
            Publish(project, jit);
            Publish(project, r2r, "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-p:PublishReadyToRun=true");
            CopyDirectory(jit, sdkR2r);
            File.Copy(Path.Combine(r2r, "Clerk.Sdk.dll"), Path.Combine(sdkR2r, "Clerk.Sdk.dll"), overwrite: true);

            await using var server = await LoopbackClerkServer.StartAsync(1).ConfigureAwait(false);
            var (pemFile, tokenFile) = WriteKeyAndToken(work.FullName);
            var userId = ClerkPayloads.UserId(0);
            var contenders = new List<(string Folder, string Label, string Mode, string[] Args)>
            {
                (jit, "JIT", "raw", [server.BaseUrl, userId]),
                (jit, "JIT", "raw-poco", [server.BaseUrl, userId]),
                (jit, "JIT", "sdk", [server.BaseUrl, userId]),
                (sdkR2r, "JIT, Clerk.Sdk.dll ReadyToRun", "sdk", [server.BaseUrl, userId]),
                (r2r, "ReadyToRun app", "raw", [server.BaseUrl, userId]),
                (r2r, "ReadyToRun app", "sdk", [server.BaseUrl, userId]),
                (jit, "JIT", "verify-raw", [pemFile, tokenFile, Issuer]),
                (jit, "JIT", "verify-sdk", [pemFile, tokenFile, Issuer]),
                (r2r, "ReadyToRun app", "verify-raw", [pemFile, tokenFile, Issuer]),
                (r2r, "ReadyToRun app", "verify-sdk", [pemFile, tokenFile, Issuer]),
            };
            var samples = contenders.ToDictionary(c => (c.Label, c.Mode), _ => new List<Sample>());
            const int warmUp = 2;
            Console.WriteLine($"start-up: {runs} runs after {warmUp} warm-up rounds, {contenders.Count} contenders interleaved; runtime {Environment.Version}, {Environment.ProcessorCount} cores, load average {ListAllMeasurement.LoadAverage()}");
            for (var run = 0; run < runs + warmUp; run++)
            {
                // Rotate the order every round so that no contender always follows the same one.
                for (var i = 0; i < contenders.Count; i++)
                {
                    var c = contenders[(i + run) % contenders.Count];
                    var sample = Launch(c.Folder, c.Mode, c.Args);
                    if (run >= warmUp) samples[(c.Label, c.Mode)].Add(sample);
                }
            }

            Console.WriteLine();
            Console.WriteLine("| build of the app | process | wall (spawn to exit) | Main entered | first operation's own time | spawn to first answer |");
            Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
            foreach (var c in contenders)
            {
                var s = samples[(c.Label, c.Mode)];
                Console.WriteLine($"| {c.Label} | {Describe(c.Mode)} | {Median(s, x => x.Wall):F1} ms | {Median(s, x => x.Main):F1} ms | {Median(s, x => x.First):F1} ms | {Median(s, x => x.Done):F1} ms |");
            }
            Console.WriteLine();
            Console.WriteLine("ratios (medians, SDK / its baseline: raw HttpClient + Newtonsoft into the same model; a bare JsonWebTokenHandler):");
            void Ratio(string label, string sdk, string raw)
            {
                var a = samples[(label, sdk)];
                var b = samples[(label, raw)];
                Console.WriteLine($"  {label}, {sdk} / {raw}: wall {Median(a, x => x.Wall) / Median(b, x => x.Wall):F2}x, first operation {Median(a, x => x.First) / Median(b, x => x.First):F2}x, spawn to answer {Median(a, x => x.Done) / Median(b, x => x.Done):F2}x");
            }
            Ratio("JIT", "sdk", "raw");
            Ratio("ReadyToRun app", "sdk", "raw");
            Ratio("JIT", "verify-sdk", "verify-raw");
            Ratio("ReadyToRun app", "verify-sdk", "verify-raw");
            Console.WriteLine($"Clerk.Sdk.dll: {new FileInfo(Path.Combine(jit, "Clerk.Sdk.dll")).Length:N0} bytes (IL), {new FileInfo(Path.Combine(r2r, "Clerk.Sdk.dll")).Length:N0} bytes (ReadyToRun, {RuntimeInformation.RuntimeIdentifier})");
            Console.WriteLine($"load average after: {ListAllMeasurement.LoadAverage()}");
            return 0;
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private sealed record Sample(double Wall, double Main, double First, double Done);

    private static string Describe(string mode) => mode switch
    {
        "raw" => "raw HttpClient + Newtonsoft into the SDK's `User` model **baseline**",
        "raw-poco" => "raw HttpClient + Newtonsoft into a 10-field hand-written class",
        "sdk" => "**ClerkClient** `new ClerkClient(options)` + `Users.GetAsync`",
        "verify-raw" => "PEM import + `JsonWebTokenHandler.ValidateTokenAsync` **baseline**",
        "verify-sdk" => "**ClerkTokenVerifier** `new ClerkTokenVerifier(options)` + `VerifySessionTokenAsync`",
        _ => mode,
    };

    private static double Median(List<Sample> samples, Func<Sample, double> value)
    {
        var sorted = samples.Select(value).OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static Sample Launch(string folder, string mode, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(folder, "Clerk.Sdk.Startup.dll"));
        info.ArgumentList.Add(mode);
        var spawned = Stopwatch.GetTimestamp();
        info.ArgumentList.Add(spawned.ToString(CultureInfo.InvariantCulture));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var wall = Stopwatch.GetElapsedTime(spawned).TotalMilliseconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{mode} in {folder} exited with {process.ExitCode}: {output}{error}");
        var fields = output.Trim().Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        double Field(string name) => double.Parse(fields[name], CultureInfo.InvariantCulture);
        return new Sample(wall, Field("main"), Field("first"), Field("done"));
    }

    private static void Publish(string project, string output, params string[] extra)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "publish", project, "-c", "Release", "-nologo", "-o", output }.Concat(extra)) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet publish");
        var log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish {string.Join(' ', extra)} failed:\n{log}");
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    /// <summary>A 2048-bit RSA key (its public PEM) and an RS256 session token it signed, valid for an hour.</summary>
    private static (string PemFile, string TokenFile) WriteKeyAndToken(string folder)
    {
        using var rsa = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new { alg = "RS256", kid = "ins_2startup", typ = "JWT" };
        var claims = new { azp = "https://app.example.com", exp = now + 3600, iat = now - 5, iss = Issuer, nbf = now - 5, sid = "sess_2startup000000000000000000", sts = "active", sub = ClerkPayloads.UserId(0), v = 2 };
        var token = SessionTokens.Sign(rsa, header, claims);
        var pemFile = Path.Combine(folder, "key.pem");
        var tokenFile = Path.Combine(folder, "token.txt");
        File.WriteAllText(pemFile, rsa.ExportSubjectPublicKeyInfoPem());
        File.WriteAllText(tokenFile, token);
        return (pemFile, tokenFile);
    }

    private static string RepoRoot() =>
        typeof(StartupMeasurement).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "ClerkRepoRoot").Value
        ?? throw new InvalidOperationException("no ClerkRepoRoot metadata");
}
