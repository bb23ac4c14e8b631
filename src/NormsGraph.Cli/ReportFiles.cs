using NormsGraph.Core.Reading;

namespace NormsGraph.Cli;

/// <summary>Expands the paths given on the command line into report files, in a stable order.</summary>
internal static class ReportFiles
{
    public static List<string> Expand(IEnumerable<string> paths, TextWriter errors)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => ReportReader.FormatFromExtension(f) is not null)
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                errors.WriteLine($"normsgraph: '{path}' does not exist.");
            }
        }
        return files;
    }
}
