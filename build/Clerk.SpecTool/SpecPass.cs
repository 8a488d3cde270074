using System;
using System.Collections.Generic;

namespace Clerk.SpecTool;

/// <summary>Which documents a pass runs on: the one NSwag generates the SDK from, the one Prism serves, or both.</summary>
[Flags]
public enum SpecDocuments
{
    /// <summary>The SDK's document (NSwag reads it).</summary>
    Sdk = 1,

    /// <summary>The mock server's document (Prism serves it to the conformance suite).</summary>
    Mock = 2,

    /// <summary>Both documents.</summary>
    Both = Sdk | Mock,
}

/// <summary>
/// One named step of the normalization: the documents it runs on, the passes that must have run before it (by name,
/// checked by <see cref="SpecPipeline"/>), and what it does to the run's document, recording its counts in the document's view.
/// </summary>
public sealed record SpecPass(string Name, SpecDocuments RunsOn, IReadOnlyList<string> After, Action<SpecView> Apply)
{
    /// <summary>A pass with no declared predecessor.</summary>
    public SpecPass(string name, SpecDocuments runsOn, Action<SpecView> apply) : this(name, runsOn, [], apply)
    {
    }
}
