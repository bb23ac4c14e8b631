using System.Collections.Concurrent;

namespace NormsGraph.Ingestion.Inbox;

/// <summary>A file this worker moved to processed/ or failed/, with its size and write time then.</summary>
internal sealed record FiledFile(string Path, string Source, bool Failed, long Length, DateTime WrittenAt, DateTimeOffset FiledAt);

/// <summary>
/// The files this worker filed lately, watched for a writer that was still at them. A writer that pauses longer than
/// the settle time has its file claimed, read and filed during the pause, and on Linux goes on writing into the filed
/// file, since a rename leaves its handle open: a slow copy ended in failed/ as "no usable text" while the whole report
/// sat beside its wrong reason, never ingested. A filed file that changes within the watch time goes back to the inbox
/// (<see cref="InboxFolders.Unfile"/>) and, once settled, is ingested whole under the same source, replacing the part stored.
/// </summary>
internal sealed class FiledFiles(TimeSpan watchTime)
{
    private readonly ConcurrentDictionary<string, FiledFile> _watched = new(StringComparer.Ordinal);

    public void Add(string path, string source, bool failed, DateTimeOffset now)
    {
        var file = new FileInfo(path);
        if (watchTime > TimeSpan.Zero && file.Exists)
        {
            _watched[path] = new FiledFile(path, source, failed, file.Length, file.LastWriteTimeUtc, now);
        }
    }

    /// <summary>The watched files written to since they were filed; forgets those past the watch time, rewritten or gone.</summary>
    public List<FiledFile> Rewritten(DateTimeOffset now)
    {
        var rewritten = new List<FiledFile>();
        foreach (var (path, filed) in _watched)
        {
            var file = new FileInfo(path);
            var changed = file.Exists && (file.Length != filed.Length || file.LastWriteTimeUtc != filed.WrittenAt);
            if (changed)
            {
                rewritten.Add(filed);
            }
            if (changed || !file.Exists || now - filed.FiledAt >= watchTime)
            {
                _watched.TryRemove(path, out _);
            }
        }
        return rewritten;
    }
}
