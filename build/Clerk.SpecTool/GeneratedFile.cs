using System.IO;

namespace Clerk.SpecTool;

/// <summary>Writes the tool's outputs only when their content changes, so downstream incremental steps stay quiet.</summary>
public static class GeneratedFile
{
    public static void WriteIfChanged(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            File.WriteAllText(path, text);
        }
    }
}
