using System.Collections.Concurrent;

namespace NormsGraph.Core.Text;

/// <summary>
/// A number for each stem, the same for the life of the process, so the phrase tries step on an integer
/// instead of hashing and comparing the stem's characters: every token of every sentence is looked up in
/// half a dozen tries, and nearly all of those lookups miss. Zero means "not numbered".
/// </summary>
internal static class StemIds
{
    // Report words are numbered as they are met; past this many, new ones are left unnumbered (zero) and the
    // tries look them up by their text, so a process fed endless vocabulary does not grow this table forever.
    private const int MaxReportStems = 1_000_000;

    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static int _count;

    /// <summary>The stem's number, numbering it if it has none (a phrase's stems are always numbered).</summary>
    public static int Number(string stem, bool always = true)
    {
        if (Ids.TryGetValue(stem, out var id))
        {
            return id;
        }
        if (!always && Volatile.Read(ref _count) >= MaxReportStems)
        {
            return 0;
        }
        lock (Gate)
        {
            if (!Ids.TryGetValue(stem, out id))
            {
                id = ++_count;
                Ids[stem] = id;
            }
            return id;
        }
    }

    /// <summary>The stem's number, or zero when it has none (then no phrase contains it).</summary>
    public static int Find(string stem) => Ids.TryGetValue(stem, out var id) ? id : 0;
}
