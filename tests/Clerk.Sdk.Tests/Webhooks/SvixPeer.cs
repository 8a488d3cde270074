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
        if (!NodePeer.IsInstalled("svix"))
        {
            Assert.Fail("npm package 'svix' is not installed: run build/test.sh (or `npm ci` in tests/).");
        }
        var payload = JsonConvert.SerializeObject(requests.Select(r => new { secret = r.Secret, id = r.Id, timestamp = r.Timestamp, payload = r.Payload }));
        var result = NodePeer.Run(Path.Combine(NodePeer.TestsDirectory, "peers", "svix-sign.mjs"), payload);
        if (result.ExitCode != 0)
        {
            Assert.Fail($"node svix-sign.mjs failed ({result.ExitCode}): {result.Error}");
        }
        return JsonConvert.DeserializeObject<string[]>(result.Output)!;
    }
}
