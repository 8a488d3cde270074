using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;

namespace Clerk.SpecTool;

/// <summary>
/// The parsed <c>openapi/specs.lock.json</c>, and its only reader and writer: the build (through the spec tool), the
/// bump and evolution scripts and the workflows all go through <c>Clerk.SpecTool lock</c>.
/// </summary>
public sealed class SpecLock
{
    [JsonProperty("comment")] public string? Comment { get; set; }
    [JsonProperty("commit")] public string Commit { get; set; } = "";
    [JsonProperty("urlTemplate")] public string UrlTemplate { get; set; } = "";
    [JsonProperty("specs")] public List<SpecLockEntry> Specs { get; set; } = new();

    public static SpecLock Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpecToolException($"spec lock file not found: {Path.GetFullPath(path)}");
        }
        return JsonConvert.DeserializeObject<SpecLock>(File.ReadAllText(path))
               ?? throw new SpecToolException($"spec lock file is empty: {path}");
    }

    /// <summary>Points entry <paramref name="id"/> at another file (adds the entry when it is new).</summary>
    public void Set(string id, string path, string sha256)
    {
        var entry = Specs.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
        if (entry is null)
        {
            Specs.Add(entry = new SpecLockEntry { Id = id });
        }
        entry.Path = path;
        entry.Sha256 = sha256;
        entry.Url = null;
    }

    /// <summary>Writes the lock file in its usual layout: one line per pinned spec.</summary>
    public void Save(string path)
    {
        static string Q(string value) => JsonConvert.ToString(value);
        var lines = new List<string> { "{" };
        if (Comment is not null) lines.Add($"  \"comment\": {Q(Comment)},");
        lines.Add($"  \"commit\": {Q(Commit)},");
        lines.Add($"  \"urlTemplate\": {Q(UrlTemplate)},");
        lines.Add("  \"specs\": [");
        lines.AddRange(Specs.Select((s, i) => $"    {{ \"id\": {Q(s.Id)}, \"path\": {Q(s.Path)}, \"sha256\": {Q(s.Sha256)} }}{(i < Specs.Count - 1 ? "," : "")}"));
        lines.Add("  ]");
        lines.Add("}");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
    }

    public SpecLockEntry Get(string id)
    {
        var entry = Specs.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal))
                    ?? throw new SpecToolException($"spec '{id}' is not pinned in the lock file (pinned: {string.Join(", ", Specs.Select(s => s.Id))})");
        if (string.IsNullOrEmpty(entry.Url))
        {
            entry.Url = UrlTemplate.Replace("{commit}", Commit, StringComparison.Ordinal).Replace("{path}", entry.Path, StringComparison.Ordinal);
        }
        return entry;
    }
}

/// <summary>One pinned spec: where it lives under the spec root, where upstream serves it, and its hash.</summary>
public sealed class SpecLockEntry
{
    [JsonProperty("id")] public string Id { get; set; } = "";
    [JsonProperty("path")] public string Path { get; set; } = "";
    [JsonProperty("url")] public string? Url { get; set; }
    [JsonProperty("sha256")] public string Sha256 { get; set; } = "";
}
