using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading.Tasks;

namespace Clerk.SpecTool;

/// <summary>
/// Finds a pinned spec: each search directory in order (the first that holds the file decides),
/// then a download cache, then the pinned upstream URL. Every candidate is SHA-256 checked; a
/// failure names every place that was tried and why it was rejected.
/// </summary>
public sealed class SpecLocator(IReadOnlyList<string> searchDirs, string cacheDir, bool allowDownload)
{
    public string Locate(SpecLockEntry entry)
    {
        var tried = new List<string>();
        foreach (var dir in searchDirs)
        {
            var candidate = Path.GetFullPath(Path.Combine(dir, entry.Path));
            if (!File.Exists(candidate))
            {
                tried.Add($"{candidate} (not found)");
                continue;
            }
            var hash = Sha256Of(candidate);
            if (hash == entry.Sha256)
            {
                return candidate;
            }
            // A file that is present but different is an error on its own: silently skipping it would hide a bad spec root.
            throw new SpecToolException($"{candidate} has sha256 {hash} but openapi/specs.lock.json pins {entry.Id} ({entry.Path}) to {entry.Sha256}. Restore the pinned file, or update the lock file if the bump is intended.");
        }

        var cached = Path.GetFullPath(Path.Combine(cacheDir, entry.Path));
        if (File.Exists(cached) && Sha256Of(cached) == entry.Sha256)
        {
            return cached;
        }
        tried.Add($"{cached} (download cache: {(File.Exists(cached) ? "hash mismatch" : "not found")})");

        if (!allowDownload)
        {
            tried.Add($"{entry.Url} (download disabled)");
            throw NotFound(entry, tried);
        }
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var bytes = http.GetByteArrayAsync(entry.Url).GetAwaiter().GetResult();
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (hash != entry.Sha256)
            {
                tried.Add($"{entry.Url} (downloaded, sha256 {hash} does not match)");
                throw NotFound(entry, tried);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
            File.WriteAllBytes(cached, bytes);
            return cached;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            tried.Add($"{entry.Url} (download failed: {ex.Message})");
            throw NotFound(entry, tried);
        }
    }

    private static SpecToolException NotFound(SpecLockEntry entry, List<string> tried) =>
        new($"could not restore spec {entry.Id} ({entry.Path}, sha256 {entry.Sha256}). Looked in: {string.Join("; ", tried)}. " +
            "Set CLERK_OPENAPI_DIR (or the ClerkOpenApiDir MSBuild property) to a directory holding the Clerk specs.");

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
