using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Clerk.Sdk.TestKit;

/// <summary>
/// Runs one of the Node.js peers the differential tests compare against (@clerk/backend, svix): a script that reads
/// JSON on stdin and writes JSON on stdout, run with <c>tests/</c> (where <c>npm ci</c> put node_modules) as its
/// working directory.
/// </summary>
public static class NodePeer
{
    /// <summary>What the script exited with and wrote.</summary>
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>The folder of the npm peers (<c>tests/</c>).</summary>
    public static string TestsDirectory => Path.Combine(RepoPaths.Root, "tests");

    /// <summary>Whether npm package <paramref name="name"/> is installed in <see cref="TestsDirectory"/>.</summary>
    public static bool IsInstalled(string name) => Directory.Exists(Path.Combine(TestsDirectory, "node_modules", name));

    /// <summary>
    /// Runs <paramref name="script"/> (a path under the repository) with <paramref name="input"/> on stdin. Throws
    /// <see cref="InvalidOperationException"/> when node cannot start and <see cref="TimeoutException"/> when the script
    /// runs past <paramref name="timeout"/> (default 60 s; it is killed).
    /// </summary>
    public static Result Run(string script, string input, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = TestsDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Node.js (node) is needed to run {Path.GetFileName(script)}: {ex.Message}", ex);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            var limit = timeout ?? TimeSpan.FromSeconds(60);
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{Path.GetFileName(script)} did not finish within {limit.TotalSeconds:0} s");
            }
            return new Result(process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
