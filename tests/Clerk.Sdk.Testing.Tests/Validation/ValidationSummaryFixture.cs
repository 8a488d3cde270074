using System;
using System.IO;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests;

/// <summary>At the end of the run, writes the validation summary where build/test.sh prints it from.</summary>
[SetUpFixture]
public sealed class ValidationSummaryFixture
{
    [OneTimeTearDown]
    public void WriteSummary()
    {
        var lines = Validation.ValidationLedger.Summary();
        Directory.CreateDirectory(Validation.RepoPaths.TestResults);
        File.WriteAllLines(Path.Combine(Validation.RepoPaths.TestResults, "fake-validation-summary.txt"), lines);
        TestContext.Progress.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
