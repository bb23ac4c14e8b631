using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace NormsGraph.Ingestion.Inbox;

/// <summary>
/// A file this worker moved to processed/ or failed/, with its size and write time then; <see cref="Rewritten"/> once it
/// was seen written to, from when it waits to go back to the inbox.
/// </summary>
internal sealed record FiledFile(string Path, string Source, bool Failed, long Length, DateTime WrittenAt, byte[] Hash, DateTimeOffset FiledAt,
    bool Rewritten = false);

/// <summary>
/// The files this worker filed lately, watched for a writer that was still at them. A writer that pauses longer than
/// the settle time has its file claimed, read and filed during the pause, and on Linux goes on writing into the filed
/// file, since a rename leaves its handle open: a slow copy ended in failed/ as "no usable text" while the whole report
/// sat beside its wrong reason, never ingested. A filed file that changes within the watch time goes back to the inbox
/// (<see cref="InboxFolders.Unfile"/>) and, once settled, is ingested whole under the same source, replacing the part stored.
/// Written to means its content changed: a file only touched (a backup tool, <c>touch</c>) went back and was ingested
/// again, unchanged, on every touch. A rewritten file stays listed, past the watch time, until it has gone back: a file of that name waiting in the inbox
/// holds it up until that one is taken, and forgetting it then lost the writer's text without a word.
/// </summary>
internal sealed class FiledFiles(TimeSpan watchTime)
{
    private readonly ConcurrentDictionary<string, FiledFile> _watched = new(StringComparer.Ordinal);

    public void Add(string path, string source, bool failed, DateTimeOffset now)
    {
        var file = new FileInfo(path);
        if (watchTime <= TimeSpan.Zero || !file.Exists)
        {
            return;
        }
        try
        {
            _watched[path] = new FiledFile(path, source, failed, file.Length, file.LastWriteTimeUtc, HashOf(path), now);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Filed already; a file that cannot be read back is simply not watched.
        }
    }

    /// <summary>
    /// The watched files written to since they were filed, and those seen so before that have not gone back yet; forgets
    /// the files that are gone and those past the watch time unchanged.
    /// </summary>
    public List<FiledFile> Rewritten(DateTimeOffset now)
    {
        var rewritten = new List<FiledFile>();
        foreach (var (path, filed) in _watched)
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                _watched.TryRemove(path, out _);
            }
            else if (filed.Rewritten || file.Length != filed.Length
                || (file.LastWriteTimeUtc != filed.WrittenAt && !SameContent(path, filed.Hash)))
            {
                rewritten.Add(_watched[path] = filed with { Rewritten = true });
            }
            else if (file.LastWriteTimeUtc != filed.WrittenAt)
            {
                _watched[path] = filed with { WrittenAt = file.LastWriteTimeUtc }; // touched, not changed
            }
            else if (now - filed.FiledAt >= watchTime)
            {
                _watched.TryRemove(path, out _);
            }
        }
        return rewritten;
    }

    private static byte[] HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return SHA256.HashData(stream);
    }

    // Unreadable counts as changed: it goes back to the inbox, where reading it again decides.
    private static bool SameContent(string path, byte[] hash)
    {
        try
        {
            return HashOf(path).AsSpan().SequenceEqual(hash);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Stops watching a file that went back to the inbox.</summary>
    public void Returned(FiledFile filed) => _watched.TryRemove(filed.Path, out _);
}
