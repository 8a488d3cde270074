using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Clerk.SpecTool.Tests;

/// <summary>A test spec written under a directory and pinned by its SHA-256 in a lock file of its own, as the build pins Clerk's.</summary>
internal static class PinnedSpec
{
    /// <summary>Writes <paramref name="yaml"/> as spec <c>t</c> (<c>specs/bapi/t.yml</c>) and its lock file; returns their paths.</summary>
    public static (string LockFile, string SearchDir) Write(string dir, string yaml)
    {
        var specs = Path.Combine(dir, "specs");
        Directory.CreateDirectory(Path.Combine(specs, "bapi"));
        var bytes = Encoding.UTF8.GetBytes(yaml);
        File.WriteAllBytes(Path.Combine(specs, "bapi", "t.yml"), bytes);
        var lockFile = Path.Combine(dir, "lock.json");
        File.WriteAllText(lockFile, $$"""{ "commit": "c", "urlTemplate": "http://127.0.0.1:9/{path}", "specs": [ { "id": "t", "path": "bapi/t.yml", "sha256": "{{Convert.ToHexStringLower(SHA256.HashData(bytes))}}" } ] }""");
        return (lockFile, specs);
    }
}
