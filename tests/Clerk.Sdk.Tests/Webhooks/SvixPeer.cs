using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Clerk.Sdk.Tests.Conventions;
using Newtonsoft.Json;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Webhooks;

/// <summary>Runs Svix's own JavaScript library (one Node process per batch) to sign payloads.</summary>
public static class SvixPeer
{
    public sealed record SignRequest(string Secret, string Id, long Timestamp, string Payload);

    public static IReadOnlyList<string> Sign(IReadOnlyList<SignRequest> requests)
    {
        var tests = Path.Combine(RepoPaths.Root, "tests");
        var script = Path.Combine(tests, "peers", "svix-sign.mjs");
        if (!Directory.Exists(Path.Combine(tests, "node_modules", "svix")))
        {
            Assert.Fail("npm package 'svix' is not installed: run build/test.sh (or `npm ci` in tests/).");
        }
        var start = new ProcessStartInfo("node", $"\"{script}\"")
        {
            WorkingDirectory = tests,
            RedirectStandardInput = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var node = Process.Start(start)!;
        var payload = JsonConvert.SerializeObject(requests.Select(r => new { secret = r.Secret, id = r.Id, timestamp = r.Timestamp, payload = r.Payload }));
        node.StandardInput.Write(payload);
        node.StandardInput.Close();
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        if (!node.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail("node svix-sign.mjs did not finish in 60 s");
        }
        if (node.ExitCode != 0)
        {
            Assert.Fail($"node svix-sign.mjs failed ({node.ExitCode}): {stderr.Result}");
        }
        return JsonConvert.DeserializeObject<string[]>(stdout.Result)!;
    }
}
