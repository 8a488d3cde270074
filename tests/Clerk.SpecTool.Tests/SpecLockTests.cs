using System.IO;
using Clerk.SpecTool;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.SpecTool.Tests;

/// <summary>The lock file's one reader and writer: a save writes back exactly what was read, a repin changes one entry.</summary>
public class SpecLockTests
{
    [Test]
    public void SavingWhatWasRead_WritesTheSameFile()
    {
        var copy = Path.Combine(RepoPaths.TempDirectory("clerk-spectool-tests"), "specs.lock.json");
        SpecLock.Load(RepoPaths.LockFile).Save(copy);
        Assert.That(File.ReadAllText(copy), Is.EqualTo(File.ReadAllText(RepoPaths.LockFile)));
    }

    [Test]
    public void RepinningASpec_ChangesItsPathAndHashOnly()
    {
        var copy = Path.Combine(RepoPaths.TempDirectory("clerk-spectool-tests"), "specs.lock.json");
        var original = SpecLock.Load(RepoPaths.LockFile);
        original.Set("bapi", "bapi/2026-05-12.yml", new string('a', 64));
        original.Save(copy);

        var reread = SpecLock.Load(copy);
        Assert.That(reread.Get("bapi").Path, Is.EqualTo("bapi/2026-05-12.yml"));
        Assert.That(reread.Get("bapi").Sha256, Is.EqualTo(new string('a', 64)));
        Assert.That(reread.Get("bapi").Url, Does.EndWith("/bapi/2026-05-12.yml"));
        Assert.That(reread.Get("fapi").Sha256, Is.EqualTo(SpecLock.Load(RepoPaths.LockFile).Get("fapi").Sha256));
        Assert.That(reread.Commit, Is.EqualTo(SpecLock.Load(RepoPaths.LockFile).Commit));
    }
}
