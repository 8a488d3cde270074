using System;
using System.Collections.Generic;
using System.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Runs passes in the order they are listed, after checking that the list keeps every declared dependency: names are
/// unique, and each name a pass lists in <see cref="SpecPass.After"/> belongs to a pass listed before it. A pass that
/// does not run on a document is skipped there; its dependants still run (what they rely on is the order).
/// </summary>
public static class SpecPipeline
{
    /// <summary>Checks the order; throws <see cref="SpecToolException"/> naming the first broken dependency.</summary>
    public static void Validate(IReadOnlyList<SpecPass> passes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pass in passes)
        {
            foreach (var dependency in pass.After)
            {
                if (!seen.Contains(dependency))
                {
                    throw new SpecToolException(passes.Any(p => p.Name == dependency)
                        ? $"pass '{pass.Name}' must run after '{dependency}', which is listed later"
                        : $"pass '{pass.Name}' depends on '{dependency}', which is no pass");
                }
            }
            if (!seen.Add(pass.Name)) throw new SpecToolException($"two passes are named '{pass.Name}'");
        }
    }

    /// <summary>Validates, then runs every pass once on each document it is for (<see cref="SpecRun.ViewsFor"/>: a
    /// pass for both documents before the mock document forks runs once, on the document they still share).</summary>
    public static void Run(IReadOnlyList<SpecPass> passes, SpecRun run)
    {
        Validate(passes);
        foreach (var pass in passes)
        {
            var views = run.ViewsFor(pass).ToList();
            var shared = run.WithMock && run.Mock is null && pass.RunsOn == SpecDocuments.Both;
            foreach (var view in views)
            {
                pass.Apply(view);
                view.Ran.Add(pass.Name);
                run.Applications.Add(shared ? pass.Name : $"{pass.Name} ({view.Kind.ToString().ToLowerInvariant()})");
            }
        }
    }
}
