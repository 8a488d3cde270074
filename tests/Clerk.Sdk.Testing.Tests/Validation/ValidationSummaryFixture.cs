using System;
using System.IO;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Testing.Tests;

/// <summary>At the end of the run, writes the validation summary where build/test.sh prints it from.</summary>
[SetUpFixture]
public sealed class ValidationSummaryFixture
{
    [OneTimeTearDown]
    public void WriteSummary()
    {
        var lines = Validation.ValidationLedger.Summary();
        Directory.CreateDirectory(Clerk.Sdk.TestKit.RepoPaths.TestResults);
        File.WriteAllLines(Path.Combine(Clerk.Sdk.TestKit.RepoPaths.TestResults, "fake-validation-summary.txt"), lines);
        TestContext.Progress.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
