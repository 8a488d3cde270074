using System.IO;

namespace Clerk.SpecTool;

/// <summary>Writes the tool's outputs only when their content changes, so downstream incremental steps stay quiet.</summary>
public static class GeneratedFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> unless the file already holds it; returns whether it wrote.</summary>
    public static bool WriteIfChanged(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (File.Exists(path) && File.ReadAllText(path) == text) return false;
        File.WriteAllText(path, text);
        return true;
    }
}
