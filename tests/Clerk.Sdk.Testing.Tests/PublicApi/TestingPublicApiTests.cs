using System;
using System.IO;
using System.Linq;
using Clerk.Sdk.Testing.Tests.Validation;
using Clerk.Testing;
using NUnit.Framework;
using PublicApiGenerator;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Testing.Tests.PublicApi;

/// <summary>
/// The public API of Clerk.Sdk.Testing is listed in api/Clerk.Sdk.Testing.approved.txt; a change fails here and writes
/// api/Clerk.Sdk.Testing.received.txt. Approve it with: cp api/Clerk.Sdk.Testing.received.txt api/Clerk.Sdk.Testing.approved.txt
/// </summary>
public sealed class TestingPublicApiTests
{
    [Test]
    public void PublicApi_MatchesApprovedListing()
    {
        var approvedPath = Path.Combine(RepoPaths.ApiDirectory, "Clerk.Sdk.Testing.approved.txt");
        var receivedPath = Path.Combine(RepoPaths.ApiDirectory, "Clerk.Sdk.Testing.received.txt");
        var options = new ApiGeneratorOptions { IncludeAssemblyAttributes = false };
        var received = Normalize(typeof(FakeClerkServer).Assembly.GeneratePublicApi(options));
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, received);
        var firstDifference = approved is null ? "no approved listing yet" : FirstDifference(approved, received);
        Assert.Fail($"The public API of Clerk.Sdk.Testing changed ({firstDifference}). Review {receivedPath}; if intended: cp api/Clerk.Sdk.Testing.received.txt api/Clerk.Sdk.Testing.approved.txt");
    }

    private static string Normalize(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim('\n') + "\n";

    private static string FirstDifference(string approved, string received)
    {
        var a = approved.Split('\n');
        var r = received.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, r.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end>";
            var right = i < r.Length ? r[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}: approved '{left.Trim()}', received '{right.Trim()}'";
            }
        }
        return "whitespace only";
    }
}
