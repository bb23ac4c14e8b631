namespace NormsGraph.Ingestion.Inbox;

/// <summary>
/// Tells files still being written from finished ones. A file is ready once it has been quiet for the settle time and
/// the previous scan saw the same size and write time: copy tools that set the write time early, or write in bursts,
/// would fool either check alone. Quiet means since its write time, or, when that is in the future (clock skew,
/// <c>cp -p</c> or an archive from a machine ahead of this one), since this tracker first saw it as it is: waiting for
/// the write time to pass would hold such a file back without a word. Used by one scan at a time.
/// </summary>
internal sealed class SettleTracker(TimeSpan settleTime)
{
    private Dictionary<string, Sighting> _previous = new(StringComparer.Ordinal);

    /// <summary>The settled files among <paramref name="files"/>; <paramref name="settling"/> counts those to look at again soon.</summary>
    public List<FileInfo> Settled(IEnumerable<FileInfo> files, DateTimeOffset now, out int settling)
    {
        var seen = new Dictionary<string, Sighting>(StringComparer.Ordinal);
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
            var unchanged = _previous.TryGetValue(file.FullName, out var before) && before.Snapshot == snapshot;
            var sighting = unchanged ? before : new Sighting(snapshot, now.UtcDateTime);
            seen[file.FullName] = sighting;
            var quietSince = snapshot.LastWriteTimeUtc <= now.UtcDateTime ? snapshot.LastWriteTimeUtc : sighting.FirstSeen;
            if (unchanged && now.UtcDateTime - quietSince >= settleTime)
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

    private readonly record struct Sighting((long Length, DateTime LastWriteTimeUtc) Snapshot, DateTime FirstSeen);
}
