using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Clerk.Authentication;
using Clerk.Sdk.Tests.Conventions;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Authentication.AuthTestKit;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// Differential test against Clerk's own JavaScript backend SDK (@clerk/backend, pinned in tests/package-lock.json):
/// the same generated tokens are verified by both with the same PEM key, issuer, authorized parties, clock and skew
/// (verify-with-clerk-backend.mjs, one Node process for the whole corpus). Decisions must agree on every token except
/// those in a deliberately stricter class (<see cref="DifferentialCorpus.StricterClasses"/>), which we must reject.
/// Organization claims derived from generated claims must equal what @clerk/backend's auth object reports.
/// </summary>
[TestFixture]
[NonParallelizable]
public class ClerkBackendDifferentialTests
{
    private const string PinnedBackendVersion = "3.25.0";

    private List<DiffToken> _sessionTokens = null!;
    private List<DiffToken> _machineTokens = null!;
    private List<(string Id, Dictionary<string, object?> Claims)> _claims = null!;
    private JsonObject _clerk = null!;

    [OneTimeSetUp]
    public void RunClerkBackend()
    {
        _sessionTokens = DifferentialCorpus.SessionTokens();
        _machineTokens = DifferentialCorpus.MachineTokens();
        _claims = DifferentialCorpus.OrganizationClaims();
        var input = new JsonObject
        {
            ["nowMs"] = Now.ToUnixTimeMilliseconds(),
            ["jwtKey"] = PemA,
            ["issuer"] = Issuer,
            ["authorizedParties"] = new JsonArray(Party),
            ["clockSkewInMs"] = 5000,
            ["sessionTokens"] = new JsonArray(_sessionTokens.Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["token"] = t.Token }).ToArray()),
            ["machineTokens"] = new JsonArray(_machineTokens.Select(t => (JsonNode)new JsonObject { ["id"] = t.Id, ["token"] = t.Token }).ToArray()),
            ["claims"] = new JsonArray(_claims.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["claims"] = JsonNode.Parse(Json(c.Claims)) }).ToArray()),
        };
        _clerk = RunNode(input.ToJsonString());
        Assert.That((string?)_clerk["backendVersion"], Is.EqualTo(PinnedBackendVersion), "the pinned @clerk/backend is installed (tests/package-lock.json)");
    }

    [Test]
    public async Task SessionTokens_DecisionsAgree_ExceptDeliberatelyStricterClasses()
    {
        var verifier = PemVerifier();
        var theirs = Results("sessionTokens");
        var agreed = 0;
        var stricter = new Dictionary<string, int>();
        var unexpected = new List<string>();
        foreach (var token in _sessionTokens)
        {
            var ours = await HostileTokenTests.CatchAsync(() => verifier.VerifySessionTokenAsync(token.Token));
            var clerkAccepts = (bool)theirs[token.Id]["ok"]!;
            var weAccept = ours is null;
            if (token.Stricter.Count > 0)
            {
                Assert.That(weAccept, Is.False, $"{token.Id} is in a stricter class ({string.Join(", ", token.Stricter)}) but was accepted");
            }
            if (weAccept == clerkAccepts)
            {
                agreed++;
            }
            else if (!weAccept && token.Stricter.Count > 0)
            {
                foreach (var cls in token.Stricter) stricter[cls] = stricter.GetValueOrDefault(cls) + 1;
            }
            else
            {
                unexpected.Add($"{token.Id}: ours {(weAccept ? "accepts" : "rejects (" + ours!.Reason + ")")}, @clerk/backend {(clerkAccepts ? "accepts" : "rejects (" + theirs[token.Id]["reason"] + ")")}");
            }
        }
        Report("session tokens", _sessionTokens.Count, agreed, stricter);
        Assert.That(unexpected, Is.Empty, "decisions differ outside the listed stricter classes");
        Assert.That(_sessionTokens, Has.Count.GreaterThanOrEqualTo(200));
        Assert.That(_sessionTokens.Count(t => theirs[t.Id]["ok"]!.GetValue<bool>()), Is.GreaterThan(40), "the corpus has a fair share of valid tokens");
        Assert.That(stricter.Keys, Is.EquivalentTo(DifferentialCorpus.StricterClasses.Keys), "every listed class really differs on at least one token");
    }

    [Test]
    public async Task MachineJwts_DecisionsAgree_ExceptDeliberatelyStricterClasses()
    {
        var verifier = PemVerifier();
        var theirs = Results("machineTokens");
        var agreed = 0;
        var stricter = new Dictionary<string, int>();
        var unexpected = new List<string>();
        foreach (var token in _machineTokens)
        {
            var ours = await HostileTokenTests.CatchAsync(() => verifier.VerifyMachineTokenAsync(token.Token, ClerkTokenTypes.MachineTokens));
            var clerkAccepts = (bool)theirs[token.Id]["ok"]!;
            if ((ours is null) == clerkAccepts)
            {
                agreed++;
            }
            else if (ours is not null && token.Stricter.Count > 0)
            {
                foreach (var cls in token.Stricter) stricter[cls] = stricter.GetValueOrDefault(cls) + 1;
            }
            else
            {
                unexpected.Add($"{token.Id}: ours {(ours is null ? "accepts" : "rejects (" + ours.Reason + ")")}, @clerk/backend {(clerkAccepts ? "accepts" : "rejects (" + theirs[token.Id]["code"] + ")")}");
            }
        }
        Report("machine JWTs", _machineTokens.Count, agreed, stricter);
        Assert.That(unexpected, Is.Empty);
    }

    [Test]
    public async Task AcceptedSessionTokens_SameClaimsAsClerkBackend()
    {
        // Every session token both accept: our typed claims equal @clerk/backend's signed-in auth object.
        var verifier = PemVerifier();
        var theirs = Results("sessionTokens");
        var compared = 0;
        foreach (var token in _sessionTokens.Where(t => theirs[t.Id]["ok"]!.GetValue<bool>() && t.Stricter.Count == 0))
        {
            AssertSameAuth(token.Id, await verifier.VerifySessionTokenAsync(token.Token), theirs[token.Id]["auth"]!);
            compared++;
        }
        TestContext.Out.WriteLine($"accepted session tokens: {compared} with claims equal to @clerk/backend's auth object");
        Assert.That(compared, Is.GreaterThan(40));
    }

    [Test]
    public void OrganizationClaims_DerivedExactlyAsClerkBackend()
    {
        var theirs = Results("claims");
        var compared = 0;
        var throwsInBoth = 0;
        foreach (var (id, claims) in _claims)
        {
            var expected = theirs[id];
            using var document = JsonDocument.Parse(Json(claims));
            var payload = document.RootElement.Clone();
            ClerkSessionClaims? ours = null;
            ClerkTokenException? error = null;
            try
            {
                ours = new ClerkSessionClaims(payload, OrganizationClaimsParser.Parse(payload));
            }
            catch (ClerkTokenException ex)
            {
                error = ex;
            }
            if (!(bool)expected["ok"]!)
            {
                Assert.That(error?.Reason, Is.EqualTo(ClerkTokenFailureReason.InvalidClaim), $"{id}: Clerk's parser throws ({expected["error"]}); ours must reject the claims");
                throwsInBoth++;
                continue;
            }
            Assert.That(error, Is.Null, $"{id}: {error?.Message}");
            AssertSameAuth(id, ours!, expected);
            compared++;
        }
        TestContext.Out.WriteLine($"organization claims: {compared} generated claim sets equal to @clerk/backend {PinnedBackendVersion}, {throwsInBoth} rejected by both parsers");
        Assert.That(compared + throwsInBoth, Is.EqualTo(_claims.Count));
        Assert.That(_claims.Count(c => theirs[c.Id]["orgPermissions"] is JsonArray { Count: > 0 }), Is.GreaterThan(50), "many claim sets have permissions");
    }

    private static void AssertSameAuth(string id, ClerkSessionClaims ours, JsonNode expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ours.UserId, Is.EqualTo((string?)expected["userId"]), id + " userId");
            Assert.That(ours.SessionId, Is.EqualTo((string?)expected["sessionId"]), id + " sessionId");
            Assert.That(ours.SessionStatus, Is.EqualTo((string?)expected["sessionStatus"]), id + " sessionStatus");
            Assert.That(ours.OrganizationId, Is.EqualTo((string?)expected["orgId"]), id + " orgId");
            Assert.That(ours.OrganizationSlug, Is.EqualTo((string?)expected["orgSlug"]), id + " orgSlug");
            Assert.That(ours.OrganizationRole, Is.EqualTo((string?)expected["orgRole"]), id + " orgRole");
            var permissions = expected["orgPermissions"] is JsonArray array ? array.Select(p => (string)p!).ToArray() : Array.Empty<string>();
            Assert.That(ours.OrganizationPermissions, Is.EqualTo(permissions), id + " orgPermissions");
            Assert.That(ours.Actor?.Subject, Is.EqualTo((string?)expected["actorSub"]), id + " actor");
            var fva = expected["fva"] is JsonArray ages ? $"[{(long)ages[0]!}, {(long)ages[1]!}]" : null;
            Assert.That(ours.FactorVerificationAge?.ToString(), Is.EqualTo(fva), id + " fva");
        });
    }

    private Dictionary<string, JsonNode> Results(string section) =>
        _clerk[section]!.AsArray().ToDictionary(r => (string)r!["id"]!, r => r!);

    private static void Report(string what, int total, int agreed, Dictionary<string, int> stricter)
    {
        TestContext.Out.WriteLine($"{what}: {total} tokens, decisions agree on {agreed}; deliberately stricter on {total - agreed}:");
        foreach (var (cls, count) in stricter.OrderBy(p => p.Key))
        {
            TestContext.Out.WriteLine($"  {cls} x{count}: {DifferentialCorpus.StricterClasses[cls]}");
        }
    }

    /// <summary>Runs one of this folder's Node peers (a script reading JSON on stdin and writing JSON on stdout).</summary>
    internal static JsonObject RunNode(string input, string scriptName = "verify-with-clerk-backend.mjs")
    {
        if (!NodePeer.IsInstalled("@clerk/backend"))
        {
            Assert.Fail("@clerk/backend is not installed (tests/node_modules/@clerk/backend is missing): run build/test.sh, or `npm ci` in tests/ (the version is pinned in tests/package-lock.json).");
        }
        var result = NodePeer.Run(Path.Combine(NodePeer.TestsDirectory, "Clerk.Sdk.Tests", "Authentication", scriptName), input);
        Assert.That(result.ExitCode, Is.Zero, "node failed: " + result.Error);
        return JsonNode.Parse(result.Output)!.AsObject();
    }
}
