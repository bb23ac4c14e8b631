using System.IO.Enumeration;
using NormsGraph.Core.Reading;

namespace NormsGraph.Cli;

/// <summary>
/// Expands the paths given on the command line into report files, in a stable order, with the rules every command
/// shares: folders are read recursively, hidden files (dot-files: editor and OS droppings) are left out, symbolic
/// links to folders are not followed (a link back up the tree would list the same reports again at every level; a
/// link to a file is read), and a path that does not exist is named and counted.
/// </summary>
internal static class ReportFiles
{
    private static readonly EnumerationOptions Recursive = new() { RecurseSubdirectories = true, IgnoreInaccessible = true };

    /// <summary>Report files (by extension) under <paramref name="paths"/>, for the commands that only read known formats.</summary>
    public static List<string> Expand(IEnumerable<string> paths, TextWriter errors) => Expand(paths, errors, out _);

    public static List<string> Expand(IEnumerable<string> paths, TextWriter errors, out int missing)
    {
        var files = new List<string>();
        missing = 0;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Walk(path, errors).Where(f => ReportReader.FormatFromExtension(f) is not null).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                errors.WriteLine($"normsgraph: '{path}' does not exist.");
                missing++;
            }
        }
        return files;
    }

    /// <summary>Every file under <paramref name="folder"/> (any extension), saying which folder links it did not follow.</summary>
    public static IEnumerable<string> Walk(string folder, TextWriter errors) =>
        FolderFiles.Under(folder, Recursive, (ref FileSystemEntry entry) => entry.ToSpecifiedFullPath(),
            link => errors.WriteLine($"normsgraph: {link}: a symbolic link to a folder, not followed (give its target as a path to read it)."));

    /// <summary>
    /// The text of a report a command needs whole (eval's reports, bench's seeds), checked to read as a report: one
    /// that does not stops the command with a line naming it, not an internal error with a stack trace.
    /// </summary>
    public static string ReadReportText(string file)
    {
        try
        {
            var text = ReportDecoder.Decode(File.ReadAllBytes(file));
            ReportReader.Read(text, file);
            return text;
        }
        catch (ReportRejectedException e)
        {
            throw new CliFailure($"{file}: {e.Code}: {e.Message}");
        }
    }

    /// <summary>
    /// Whether a file can be read as a report without blocking: a FIFO, socket or device has no length (and reading a
    /// FIFO waits for a writer forever), and neither has an empty file anything to extract. The inbox refuses both the
    /// same way, from the length, before it opens the file.
    /// </summary>
    public static bool HasContent(string file) => new FileInfo(file).Length > 0;
}
