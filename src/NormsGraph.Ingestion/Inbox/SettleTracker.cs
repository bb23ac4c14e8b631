namespace NormsGraph.Ingestion.Inbox;

/// <summary>
/// Tells files still being written from finished ones. A file is ready once it has not been written for
/// the settle time and the previous scan saw the same size and write time: copy tools that set the
/// write time early, or write in bursts, would fool either check alone. Used by one scan at a time.
/// </summary>
internal sealed class SettleTracker(TimeSpan settleTime)
{
    private Dictionary<string, (long Length, DateTime WrittenAt)> _previous = new(StringComparer.Ordinal);

    /// <summary>The settled files among <paramref name="files"/>; <paramref name="settling"/> counts those to look at again soon.</summary>
    public List<FileInfo> Settled(IEnumerable<FileInfo> files, DateTimeOffset now, out int settling)
    {
        var seen = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        var ready = new List<FileInfo>();
        settling = 0;
        foreach (var file in files)
        {
            (long Length, DateTime LastWriteTimeUtc) snapshot;
            try
            {
                snapshot = (file.Length, file.LastWriteTimeUtc);
            }
            catch (IOException)
            {
                continue; // gone since the directory was listed
            }
            seen[file.FullName] = snapshot;
            if (_previous.TryGetValue(file.FullName, out var before) && before == snapshot && now.UtcDateTime - snapshot.LastWriteTimeUtc >= settleTime)
            {
                ready.Add(file);
            }
            else
            {
                settling++;
            }
        }
        _previous = seen;
        return ready;
    }
}
