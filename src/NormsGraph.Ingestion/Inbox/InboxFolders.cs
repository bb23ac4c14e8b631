using System.Text.Json;
using NormsGraph.Ingestion.Pipeline;

namespace NormsGraph.Ingestion.Inbox;

/// <summary>The inbox, processed and failed folders, and the moves between them.</summary>
internal sealed class InboxFolders(IngestionOptions options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string Inbox { get; } = Path.GetFullPath(options.Inbox);
    public string Processed { get; } = Path.GetFullPath(options.Processed);
    public string Failed { get; } = Path.GetFullPath(options.Failed);

    public void EnsureExist()
    {
        Directory.CreateDirectory(Inbox);
        Directory.CreateDirectory(Processed);
        Directory.CreateDirectory(Failed);
    }

    /// <summary>Report files waiting in the inbox, oldest first; names still being written are skipped.</summary>
    public IEnumerable<FileInfo> Waiting() =>
        new DirectoryInfo(Inbox).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => !IsTemporary(f.Name))
            .OrderBy(f => f.LastWriteTimeUtc)
            .ThenBy(f => f.FullName, StringComparer.Ordinal);

    public static bool IsTemporary(string name) =>
        name.StartsWith('.') || name.StartsWith('~') || name.EndsWith('~')
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".swp", StringComparison.OrdinalIgnoreCase);

    /// <summary>Path relative to the inbox: the report's source label, stable across versions of the file.</summary>
    public string SourceOf(FileInfo file) => Path.GetRelativePath(Inbox, file.FullName).Replace('\\', '/');

    public void MoveToProcessed(FileInfo file) => file.MoveTo(FreeName(Processed, SourceOf(file)));

    public void MoveToFailed(FileInfo file, IReadOnlyList<IngestionError> errors)
    {
        var destination = FreeName(Failed, SourceOf(file));
        // The reason is written first: a crash between the two steps leaves the file in the inbox, never a reasonless failure.
        var error = new
        {
            file = SourceOf(file),
            stage = errors[0].Stage,
            code = errors[0].Code,
            reason = errors[0].Message,
            errors,
            at = clock.GetUtcNow(),
        };
        File.WriteAllText(destination + ".error.json", JsonSerializer.Serialize(error, Json));
        file.MoveTo(destination);
    }

    private string FreeName(string folder, string relative)
    {
        var destination = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        if (!File.Exists(destination))
        {
            return destination;
        }
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff");
        return Path.Combine(Path.GetDirectoryName(destination)!,
            $"{Path.GetFileNameWithoutExtension(destination)}.{stamp}{Path.GetExtension(destination)}");
    }
}
