namespace NormsGraph.Storage.Embedded;

/// <summary>One match of a search and its score, as the index ranks it.</summary>
internal readonly record struct RankedMatch(long RowId, double Score);

/// <summary>
/// The ranked matches of recent searches, best first, each valid for one generation of the search documents
/// (<c>search_generation</c>, which triggers advance on every change to <c>search_docs</c>, from any process).
/// Ranking scores every match, so its cost grows with the store (10 ms for "critical infrastructure" at 20,000 reports);
/// a cached ranking makes the next page, a repeated search and a dashboard's poll cost one page of documents.
/// Bounded by the bytes it holds, its keys included (a search text can be 500 characters, and 100,000 distinct searches
/// without a match once held 160 MB while counted by their matches alone), least recently used first out; a new
/// generation empties it, since bm25's
/// statistics are the whole index's and every old ranking is then stale.
/// </summary>
internal sealed class SearchRankingCache(long maxBytes)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Key, LinkedListNode<(Key Key, RankedMatch[] Ranked)>> _entries = [];
    private readonly LinkedList<(Key Key, RankedMatch[] Ranked)> _recency = new();
    private long _generation = -1;
    private long _bytes;

    /// <summary>A search as the index sees it: its match expression and the kinds it keeps (empty: every kind).</summary>
    public readonly record struct Key(string Match, string Kinds);

    public bool TryGet(Key key, long generation, out RankedMatch[] ranked)
    {
        lock (_lock)
        {
            if (generation == _generation && _entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                ranked = node.Value.Ranked;
                return true;
            }
        }
        ranked = [];
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="ranked"/> for <paramref name="generation"/>. A ranking of an older generation than the one
    /// held is dropped (a slow search that started before a write); a newer one empties the cache first.
    /// </summary>
    public void Add(Key key, long generation, RankedMatch[] ranked)
    {
        var cost = Cost(key, ranked);
        if (cost > maxBytes)
        {
            return;
        }
        lock (_lock)
        {
            if (generation < _generation)
            {
                return;
            }
            if (generation > _generation)
            {
                _entries.Clear();
                _recency.Clear();
                _bytes = 0;
                _generation = generation;
            }
            if (_entries.Remove(key, out var old))
            {
                _recency.Remove(old);
                _bytes -= Cost(key, old.Value.Ranked);
            }
            while (_bytes + cost > maxBytes && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _bytes -= Cost(oldest.Value.Key, oldest.Value.Ranked);
            }
            _entries[key] = _recency.AddFirst((key, ranked));
            _bytes += cost;
        }
    }

    /// <summary>How many searches it holds and the bytes they count against the bound (for tests).</summary>
    public (int Searches, long Bytes) Size
    {
        get
        {
            lock (_lock)
            {
                return (_entries.Count, _bytes);
            }
        }
    }

    /// <summary>
    /// What an entry holds: its matches (16 bytes each), its key's characters (2 bytes each), and the objects around them
    /// (dictionary entry, list node, array and string headers), about <see cref="EntryOverhead"/> bytes.
    /// </summary>
    public static long Cost(Key key, RankedMatch[] ranked) => 16L * ranked.Length + 2L * (key.Match.Length + key.Kinds.Length) + EntryOverhead;

    public const int EntryOverhead = 200;
}
