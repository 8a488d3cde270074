using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Clerk.Sdk.Tests.Conventions;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Authentication.PublishableKeyTests;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// Differential test of <see cref="PublishableKey"/> against the parser Clerk's own JavaScript backend SDK uses
/// (<c>parsePublishableKey</c> of @clerk/shared, a dependency of the pinned @clerk/backend; parse-publishable-keys-with-clerk.mjs).
/// Every key we accept, Clerk accepts with the same host and instance type; every key Clerk rejects, we reject. We are
/// deliberately stricter on the host (Clerk only asks for a '.' and one trailing '$') and, where listed, more lenient
/// (whitespace around the key is ignored, as the token verifier always did).
/// </summary>
[TestFixture]
[NonParallelizable]
public class PublishableKeyDifferentialTests
{
    /// <summary>
    /// Keys Clerk accepts and we reject, by design: a host with a scheme, path, port, space, '_', '@', a bad label or
    /// non-ASCII bytes (Clerk reads them as Latin-1), and whitespace inside the base64 (atob skips it).
    /// </summary>
    private static readonly HashSet<string> Stricter = new(StringComparer.Ordinal)
    {
        "scheme", "path", "trailing slash", "query", "port", "space in host", "trailing dot", "dot alone", "label starts with '-'",
        "underscore", "user info", "64-character label", "non-ASCII host", "inner space",
    };

    /// <summary>Keys we accept and Clerk rejects, by design: leading whitespace (Clerk's prefix check fails on it).</summary>
    private static readonly HashSet<string> Lenient = new(StringComparer.Ordinal) { "leading space" };

    private static List<(string Id, string? Key)> Corpus()
    {
        var corpus = new List<(string Id, string? Key)>();
        foreach (var host in new[] { "clerk.example.com", "clerk.example.co", "clerk.exampleee.com", "example-destined-camel-13.clerk.accounts.dev", "clerk.acme.co.uk", "127.0.0.1", "a.b" })
        {
            foreach (var prefix in new[] { "pk_test_", "pk_live_" })
            {
                corpus.Add(($"{prefix}{host} padded", Key(prefix, host + "$", pad: true)));
                corpus.Add(($"{prefix}{host} unpadded", Key(prefix, host + "$", pad: false)));
            }
        }
        corpus.Add(("trailing newline", Key("pk_test_", "clerk.example.com$") + "\n"));
        corpus.Add(("leading space", " " + Key("pk_test_", "clerk.example.com$")));
        corpus.Add(("underscore in encoded part", "pk_test_Y2xlcmsu_ZXhhbXBsZS5jb20k"));
        corpus.AddRange(Malformed.Select(m => (m.Name, m.Key)));
        return corpus;
    }

    [Test]
    public void OurDecisions_MatchClerks_ExceptWhereDeliberatelyStricterOrMoreLenient()
    {
        var corpus = Corpus();
        var (version, theirs) = RunNode(corpus);
        var unexpected = new List<string>();
        var stricter = new HashSet<string>(StringComparer.Ordinal);
        var lenient = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, key) in corpus)
        {
            var clerk = theirs[id];
            var clerkAccepts = (bool)clerk["ok"]!;
            var weAccept = PublishableKey.TryParse(key, out var ours);
            if (weAccept && clerkAccepts)
            {
                var same = ours!.FrontendApiHost == (string?)clerk["frontendApi"] && (ours.IsLive ? "production" : "development") == (string?)clerk["instanceType"];
                if (!same) unexpected.Add($"{id}: ours {ours.FrontendApiHost} live={ours.IsLive}, Clerk {clerk["frontendApi"]} {clerk["instanceType"]}");
            }
            else if (!weAccept && clerkAccepts)
            {
                if (Stricter.Contains(id)) stricter.Add(id);
                else unexpected.Add($"{id} ({key}): Clerk accepts ({clerk["frontendApi"]}), we reject");
            }
            else if (weAccept && !clerkAccepts)
            {
                if (Lenient.Contains(id)) lenient.Add(id);
                else unexpected.Add($"{id} ({key}): we accept ({ours!.FrontendApiHost}), Clerk rejects ({clerk["error"]})");
            }
        }
        TestContext.Out.WriteLine($"publishable keys: {corpus.Count}, stricter: {stricter.Count}, more lenient: {lenient.Count} (@clerk/shared {version})");
        Assert.That(unexpected, Is.Empty);
        Assert.That(stricter, Is.EquivalentTo(Stricter), "every listed stricter case really differs");
        Assert.That(lenient, Is.EquivalentTo(Lenient), "every listed lenient case really differs");
    }

    private static (string Version, Dictionary<string, JsonNode> Keys) RunNode(List<(string Id, string? Key)> corpus)
    {
        if (!NodePeer.IsInstalled("@clerk/shared"))
        {
            Assert.Fail("@clerk/shared is not installed (tests/node_modules/@clerk/shared is missing): run `npm ci` in tests/ (@clerk/backend and its dependencies are pinned in tests/package-lock.json).");
        }
        var input = new JsonArray(corpus.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["key"] = c.Key }).ToArray()).ToJsonString();
        var result = NodePeer.Run(Path.Combine(NodePeer.TestsDirectory, "Clerk.Sdk.Tests", "Authentication", "parse-publishable-keys-with-clerk.mjs"), input);
        Assert.That(result.ExitCode, Is.Zero, "node failed: " + result.Error);
        var output = JsonNode.Parse(result.Output)!.AsObject();
        return ((string?)output["sharedVersion"] ?? "?", output["keys"]!.AsArray().ToDictionary(k => (string)k!["id"]!, k => k!));
    }
}
