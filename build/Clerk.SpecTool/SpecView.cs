using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>One document of a <see cref="SpecRun"/> as the passes see it: the document they change in place, which
/// document it is, what they counted and the details they recorded (by key, for the build report), their notes and the passes that shaped it.</summary>
public sealed class SpecView
{
    private readonly Dictionary<string, int> _counts;
    private readonly Dictionary<string, List<string>> _details;

    internal SpecView(JObject document, SpecDocuments kind, Dictionary<string, int>? counts = null, IEnumerable<string>? notes = null, IEnumerable<string>? ran = null, Dictionary<string, List<string>>? details = null)
    {
        _details = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, items) in details ?? []) _details[key] = [.. items];
        Document = document;
        Kind = kind;
        _counts = new Dictionary<string, int>(counts ?? [], StringComparer.Ordinal);
        Notes = [.. notes ?? []];
        Ran = [.. ran ?? []];
    }

    /// <summary>The document the passes change in place.</summary>
    public JObject Document { get; }

    /// <summary><see cref="SpecDocuments.Sdk"/> or <see cref="SpecDocuments.Mock"/>.</summary>
    public SpecDocuments Kind { get; }

    /// <summary>Whether this is the mock server's document.</summary>
    public bool IsMock => Kind == SpecDocuments.Mock;

    /// <summary>Notes a pass writes as it runs (they open the report).</summary>
    public List<string> Notes { get; }

    /// <summary>The passes that shaped this document, in order (the shared ones included).</summary>
    public List<string> Ran { get; }

    /// <summary>Records a count for the report.</summary>
    public void Count(string key, int value) => _counts[key] = value;

    /// <summary>A recorded count (0 when the pass did not run).</summary>
    public int this[string key] => _counts.GetValueOrDefault(key);

    /// <summary>The details a pass records under <paramref name="key"/> for the report (what it merged, what it kept).</summary>
    public List<string> Details(string key)
    {
        if (!_details.TryGetValue(key, out var items)) _details[key] = items = [];
        return items;
    }

    /// <summary>The mock server's document, forked from this one as it stands (counts, details, notes and passes so far carried over).</summary>
    internal SpecView ForkMock() => new((JObject)Document.DeepClone(), SpecDocuments.Mock, _counts, Notes, Ran, _details);
}
