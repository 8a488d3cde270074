using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// One normalization of one API, run once: the passes run in order on the SDK's document; the mock server's document
/// (when asked for) forks from it at the first pass that treats the two differently, and from there each pass runs on
/// the documents it is for. The passes before the fork (webhook events, variants, names, marks, required bodies) run
/// once for both.
/// </summary>
public sealed class SpecRun(JObject document, bool withMock)
{
    /// <summary>The SDK's document (NSwag reads it).</summary>
    public SpecView Sdk { get; } = new(document, SpecDocuments.Sdk);

    /// <summary>The mock server's document, once forked (null when not asked for, or before the fork).</summary>
    public SpecView? Mock { get; private set; }

    /// <summary>Whether the run makes the mock server's document too.</summary>
    public bool WithMock { get; } = withMock;

    /// <summary>Every application of a pass, in order: its name, once per document it changed (a shared pass once).</summary>
    public List<string> Applications { get; } = [];

    /// <summary>The documents <paramref name="pass"/> runs on now, forking the mock document first when this is the
    /// first pass that is not for both.</summary>
    internal IEnumerable<SpecView> ViewsFor(SpecPass pass)
    {
        if (WithMock && Mock is null && pass.RunsOn != SpecDocuments.Both) Mock = Sdk.ForkMock();
        if (pass.RunsOn.HasFlag(SpecDocuments.Sdk)) yield return Sdk;
        if (pass.RunsOn.HasFlag(SpecDocuments.Mock) && Mock is not null) yield return Mock;
    }
}
