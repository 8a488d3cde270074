using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>Fails with a sorted, readable list of offenders (one a line) instead of a bare count.</summary>
internal static class ConventionAssert
{
    private const int Shown = 200;

    public static void NoOffenders(IEnumerable<string> offenders, string what)
    {
        var lines = offenders.Distinct(StringComparer.Ordinal).OrderBy(o => o, StringComparer.Ordinal).ToList();
        if (lines.Count == 0)
        {
            return;
        }
        var message = $"{lines.Count} offender(s) in {what}:{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", lines.Take(Shown)) +
            (lines.Count > Shown ? $"{Environment.NewLine}  ... and {lines.Count - Shown} more" : "");
        Assert.Fail(message);
    }
}
