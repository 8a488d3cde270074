using System;
using System.IO;
using System.Linq;
using Clerk.Sdk.TestKit;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>
/// House rules for the tests themselves, where a slip makes a test that cannot fail: <c>Assert.Multiple</c> given an
/// async lambda runs it as <c>async void</c>, so its assertions end after the test has passed (use
/// <c>await Assert.MultipleAsync</c>). Found twice by mutation testing (issue #20).
/// </summary>
public class TestCodeConventionTests
{
    [Test]
    public void NoTest_GivesAssertMultipleAnAsyncLambda()
    {
        var tests = Path.Combine(RepoPaths.Root, "tests");
        var offenders = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.EndsWith(nameof(TestCodeConventionTests) + ".cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains("Assert.Multiple(async", StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(tests, l.File)}:{l.Line}")
            .ToList();
        Assert.That(offenders, Is.Empty, "use await Assert.MultipleAsync(async () => ...)");
    }
}
