using System;
using System.IO;
using System.Linq;
using System.Text;
using Clerk.AspNetCore;
using Clerk.Sdk.AspNetCore.Tests.TestKit;
using NUnit.Framework;
using PublicApiGenerator;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.AspNetCore.Tests;

/// <summary>
/// The public API of Clerk.Sdk.AspNetCore is reviewed like code: listed in api/Clerk.Sdk.AspNetCore.approved.txt; a change
/// fails here and writes api/Clerk.Sdk.AspNetCore.received.txt until it is approved (copied over the approved file).
/// </summary>
[TestFixture]
public class PublicApiTests
{
    private const string AssemblyName = "Clerk.Sdk.AspNetCore";

    [Test]
    public void PublicApi_MatchesApprovedListing()
    {
        var approvedPath = Path.Combine(RepoPaths.ApiDirectory, $"{AssemblyName}.approved.txt");
        var receivedPath = Path.Combine(RepoPaths.ApiDirectory, $"{AssemblyName}.received.txt");
        var received = Normalize(typeof(ClerkClaimTypes).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
            DenyNamespacePrefixes = [],   // the extension classes live in Microsoft.* namespaces (AddClerk, MapClerkWebhooks, ...)
        }));
        var hint = $"If the change is intended, approve it: cp api/{AssemblyName}.received.txt api/{AssemblyName}.approved.txt (from the repo root) and commit.";
        if (File.Exists(approvedPath) && Normalize(File.ReadAllText(approvedPath)) == received)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        Assert.Fail(File.Exists(approvedPath)
            ? $"The public API of {AssemblyName} changed; compare {receivedPath} with {approvedPath}. {hint}"
            : $"There is no approved public API listing at {approvedPath}; the current one was written to {receivedPath}. {hint}");
    }

    private static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        return string.Join("\n", lines).Trim('\n') + "\n";
    }
}
