using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>One normalization of one document: the document the passes change, which document it is, what the passes
/// counted (by key, for the build report) and the passes that ran, in order.</summary>
public sealed class SpecRun(JObject document, SpecDocuments kind)
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>The document the passes change in place.</summary>
    public JObject Document { get; } = document;

    /// <summary><see cref="SpecDocuments.Sdk"/> or <see cref="SpecDocuments.Mock"/>.</summary>
    public SpecDocuments Kind { get; } = kind;

    /// <summary>Whether this is the mock server's document.</summary>
    public bool IsMock => Kind == SpecDocuments.Mock;

    /// <summary>Notes a pass writes as it runs (they open the report).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The passes that ran, in order.</summary>
    public List<string> Ran { get; } = [];

    /// <summary>Records a count for the report.</summary>
    public void Count(string key, int value) => _counts[key] = value;

    /// <summary>A recorded count (0 when the pass did not run).</summary>
    public int this[string key] => _counts.GetValueOrDefault(key);
}
