using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;

namespace Clerk.SpecTool;

/// <summary>The parsed <c>openapi/specs.lock.json</c>.</summary>
public sealed class SpecLock
{
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
