using System;
using System.Collections.Generic;
using System.IO;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Support;

/// <summary>
/// A listing reviewed like the public API: the lines a test produced must equal the committed
/// <c>*.approved.txt</c>; on a difference the test fails and writes <c>*.received.txt</c> beside it (git-ignored), which
/// is approved by renaming it.
/// </summary>
internal static class ApprovedListing
{
    public static void Verify(IEnumerable<string> lines, string approvedPath)
    {
        var receivedPath = approvedPath.Replace(".approved.", ".received.", StringComparison.Ordinal);
        var received = string.Join("\n", lines) + "\n";
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (approved != received)
        {
            File.WriteAllText(receivedPath, received);
            Assert.Fail($"The listing changed (or was never approved). Review {receivedPath} and, if intended, rename it to {Path.GetFileName(approvedPath)}.");
        }
        if (File.Exists(receivedPath)) File.Delete(receivedPath);
    }
}
