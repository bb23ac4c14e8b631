using System.Collections.Concurrent;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The search documents' words in memory, ranked exactly as the FTS5 path ranks them (bm25 with FTS5's constants and its
/// handling of prefix terms, a title hit weighing ten body hits, ties by kind and id). FTS5 reads the whole doclist of
/// every query word on every search and scores every match through its auxiliary-function interface, so a new search
/// cost five times more at 20,000 reports than at 2,000 ("responsible disclosure": 1.6 ms against 0.3); here a search
/// walks the rarest word's documents, finds each in a common word's list by a bit and a count of bits
/// (<see cref="SlotSet"/>) and in a rare word's by galloping search, reads lengths from an array in slot order, and
/// keeps only the page's best in a heap.
/// <para>
/// Documents are numbered by slot in the order they arrive, so every posting list stays sorted by appending. A changed
/// or removed document leaves a dead slot behind, skipped by searches and dropped when dead slots outnumber live ones.
/// Writers (<see cref="Apply"/>) hold the write lock for the appends alone: texts are cut into words beforehand
/// (<see cref="Prepare"/>).
/// </para>
/// </summary>
internal sealed class SearchIndex : IDisposable
{
    // FTS5's bm25 constants, and the column weights EmbeddedSearch gives bm25.
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const int TitleWeight = 10;
    private const int BodyWeight = 1;

    // Postings of prefixes merged from several terms, kept between searches until the next change; beyond this many
    // postings in all the cache starts over.
    private const long MaxMergedPostings = 1_000_000;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, Postings> _terms = new(StringComparer.Ordinal);
    private readonly List<string> _sortedTerms = [];
    private readonly List<Document?> _slots = [];
    // Each slot's length in tokens, -1 once its document is gone: a search reads these in slot order instead of
    // following a reference per match to a document object somewhere on the heap.
    private readonly List<int> _lengths = [];
    private readonly Dictionary<long, int> _slotOfRow = [];
    private readonly ConcurrentDictionary<string, Postings> _merged = new(StringComparer.Ordinal);
    private long _mergedPostings;
    private int _live;
    private long _liveTokens;
    private int _dead;

    /// <summary>The <c>search_generation</c> whose documents this index holds.</summary>
    public long Generation { get; private set; } = -1;

    public int DocumentCount
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _live;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>A document cut into words, ready to be added; null <see cref="Words"/> for a document that is gone.</summary>
    public sealed record Prepared(long RowId, string Kind, string Id, string Title, Word[]? Words, int Tokens);

    /// <summary>A word of a document and its hits in the title and in the body.</summary>
    public readonly record struct Word(string Term, int Title, int Body);

    /// <summary>A stored document or, with a null kind, one that is gone, as <see cref="SearchIndexFeed"/> reads it.</summary>
    public readonly record struct Change(long RowId, string? Kind, string? Id, string? Title, string? Body);

    // One string per distinct word and kind, shared by every document's words and the index's terms: without it each
    // document brought its own copy of every word it holds, and building the index at 20,000 reports peaked at 270 MB.
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Title, int Body)> _scratch = new(StringComparer.Ordinal);
    private readonly Lock _preparing = new();

    /// <summary>Cuts a document into words. It runs outside the index's lock, so searches go on meanwhile.</summary>
    public Prepared Prepare(Change change)
    {
        if (change.Kind is null)
        {
            return new Prepared(change.RowId, "", "", "", null, 0);
        }
        lock (_preparing)
        {
            var strings = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
            var counts = _scratch.GetAlternateLookup<ReadOnlySpan<char>>();
            var tokens = 0;
            void Count(ReadOnlySpan<char> token, bool title)
            {
                tokens++;
                if (!strings.TryGetValue(token, out var term))
                {
                    term = token.ToString();
                    _strings[term] = term;
                }
                var (t, b) = counts.TryGetValue(token, out var n) ? n : (0, 0);
                _scratch[term] = title ? (t + 1, b) : (t, b + 1);
            }
            SearchTokens.Each(change.Title!, t => Count(t, title: true));
            SearchTokens.Each(change.Body!, t => Count(t, title: false));
            var words = _scratch.Select(w => new Word(w.Key, w.Value.Title, w.Value.Body)).ToArray();
            _scratch.Clear();
            if (!_strings.TryGetValue(change.Kind, out var kind))
            {
                kind = change.Kind;
                _strings[kind] = kind;
            }
            return new Prepared(change.RowId, kind, change.Id!, change.Title!, words, tokens);
        }
    }

    /// <summary>Replaces each changed document (every one of a row id's earlier versions goes) and moves to <paramref name="generation"/>.</summary>
    public void Apply(IReadOnlyList<Prepared> changes, long generation)
    {
        _lock.EnterWriteLock();
        try
        {
            var newTerms = new List<string>();
            foreach (var change in changes)
            {
                Remove(change.RowId);
                if (change.Words is not null)
                {
                    Add(change, newTerms);
                }
            }
            InsertSorted(newTerms);
            _merged.Clear();
            _mergedPostings = 0;
            Generation = Math.Max(Generation, generation);
            if (_dead > 1024 && _dead > _live)
            {
                Compact();
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// The documents holding every one of <paramref name="words"/> (each a prefix, as a folded token), of
    /// <paramref name="kinds"/> when given: how many, and those from <paramref name="offset"/> on, at most <paramref name="count"/>,
    /// best first.
    /// </summary>
    public (int Total, List<Hit> Hits) Search(IReadOnlyList<string> words, IReadOnlySet<string>? kinds, int offset, int count)
    {
        _lock.EnterReadLock();
        try
        {
            return SearchLocked(words, kinds, offset, count);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public sealed record Hit(long RowId, string Kind, string Id, string Title, double Score);

    private (int Total, List<Hit> Hits) SearchLocked(IReadOnlyList<string> words, IReadOnlySet<string>? kinds, int offset, int count)
    {
        if (_live == 0 || words.Count == 0)
        {
            return (0, []);
        }
        var lists = new Postings[words.Count];
        var idf = new double[words.Count];
        var driver = 0;
        for (var w = 0; w < words.Count; w++)
        {
            if (WordPostings(words[w]) is not { } list)
            {
                return (0, []);
            }
            lists[w] = list;
            // FTS5's idf, floored as FTS5 floors it, from the documents holding the word (any word it prefixes).
            var value = Math.Log((_live - list.Live + 0.5) / (list.Live + 0.5));
            idf[w] = value <= 0.0 ? 1e-6 : value;
            if (list.Count < lists[driver].Count)
            {
                driver = w;
            }
        }

        var averageLength = (double)_liveTokens / _live;
        var worstFirst = new WorstFirst(this);
        var best = new PriorityQueue<int, (double Score, int Slot)>(worstFirst);
        var keep = (int)Math.Min((long)offset + count, int.MaxValue);
        // The worst score kept once the heap is full: most matches fall below it and cost no comparison of ids.
        var threshold = double.NegativeInfinity;
        var total = 0;
        var cursors = new int[words.Count];
        var frequencies = new double[words.Count];
        var sets = lists.Select((l, w) => w == driver ? null : l.Slots(_slots.Count)).ToArray();
        var filters = sets.OfType<SlotSet>().ToArray();
        var walked = lists[driver];
        var lengths = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_lengths);
        for (var i = 0; i < walked.Count; i++)
        {
            var slot = walked.Items[i].Slot;
            if (!InEverySet(filters, slot))
            {
                continue;
            }
            frequencies[driver] = Weighted(walked.Items[i]);
            var all = true;
            for (var w = 0; w < words.Count && all; w++)
            {
                if (w != driver)
                {
                    frequencies[w] = sets[w] is { } set ? Frequency(lists[w], set.IndexOf(slot)) : Frequency(lists[w], ref cursors[w], slot);
                    all = frequencies[w] > 0;
                }
            }
            if (!all || lengths[slot] < 0 || kinds is not null && !kinds.Contains(_slots[slot]!.Kind))
            {
                continue;
            }
            total++;
            if (keep == 0)
            {
                continue;
            }
            // FTS5's bm25 term by term, in its order of operations, so scores and their ties are the FTS5 path's.
            var score = 0.0;
            for (var w = 0; w < words.Count; w++)
            {
                score += idf[w] * (frequencies[w] * (K1 + 1.0) / (frequencies[w] + K1 * (1 - B + B * lengths[slot] / averageLength)));
            }
            if (best.Count < keep)
            {
                best.Enqueue(slot, (score, slot));
            }
            else if (score >= threshold && worstFirst.Compare((score, slot), PeekPriority(best)) > 0)
            {
                best.DequeueEnqueue(slot, (score, slot));
            }
            else
            {
                continue;
            }
            if (best.Count == keep)
            {
                threshold = PeekPriority(best).Score;
            }
        }
        var ordered = new List<(double Score, int Slot)>(best.Count);
        while (best.TryDequeue(out var slotOf, out var priority))
        {
            ordered.Add((priority.Score, slotOf));
        }
        ordered.Reverse();
        return (total, [.. ordered.Skip(offset).Select(h => _slots[h.Slot]!.ToHit(h.Score))]);
    }

    private static (double Score, int Slot) PeekPriority(PriorityQueue<int, (double Score, int Slot)> queue) =>
        queue.TryPeek(out _, out var priority) ? priority : default;

    /// <summary>Orders hits worst first (lower score, then later kind and id), so the queue's head is the one to give up.</summary>
    private sealed class WorstFirst(SearchIndex index) : IComparer<(double Score, int Slot)>
    {
        public int Compare((double Score, int Slot) x, (double Score, int Slot) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            if (byScore != 0)
            {
                return byScore;
            }
            var a = index._slots[x.Slot]!;
            var b = index._slots[y.Slot]!;
            var byKind = string.CompareOrdinal(b.Kind, a.Kind);
            return byKind != 0 ? byKind : string.CompareOrdinal(b.Id, a.Id);
        }
    }

    // Whether the document at the slot is in every word's list that has a slot set (the lists of common words): most
    // of the rarest word's documents are told apart here by one bit each.
    private static bool InEverySet(SlotSet[] sets, int slot)
    {
        foreach (var set in sets)
        {
            if (!set.Contains(slot))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A word's hits in one document as bm25 weighs them: a hit in the title counts as ten in the body.</summary>
    private static double Weighted(in Posting posting) => TitleWeight * posting.Title + BodyWeight * posting.Body;

    private static double Frequency(Postings list, int index) => index < 0 ? 0 : Weighted(list.Items[index]);

    /// <summary>
    /// The weighted hits of a word in the document at <paramref name="slot"/>, 0 when it holds none. Slots come in
    /// increasing order, so the cursor only moves forward, by galloping then binary search.
    /// </summary>
    private static double Frequency(Postings list, ref int cursor, int slot)
    {
        var items = list.Items;
        var end = list.Count;
        var low = cursor;
        var step = 1;
        var high = low;
        while (high < end && items[high].Slot < slot)
        {
            low = high + 1;
            high += step;
            step *= 2;
        }
        high = Math.Min(high, end);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (items[middle].Slot < slot)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        cursor = low;
        return low < end && items[low].Slot == slot ? Weighted(items[low]) : 0;
    }

    /// <summary>
    /// The documents holding <paramref name="prefix"/> as a word or the start of one, with their hits: the term's own list
    /// when one term starts with it, or else its terms' lists merged, kept until the next change; null when none does.
    /// </summary>
    private Postings? WordPostings(string prefix)
    {
        // Looked up first: finding the terms a short prefix covers ("s": thousands) cost more than the search itself,
        // on every search, although their merged list was already kept.
        if (_merged.TryGetValue(prefix, out var merged))
        {
            return merged;
        }
        var start = _sortedTerms.BinarySearch(prefix, StringComparer.Ordinal);
        if (start < 0)
        {
            start = ~start;
        }
        var terms = new List<Postings>();
        for (var i = start; i < _sortedTerms.Count && _sortedTerms[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            var postings = _terms[_sortedTerms[i]];
            if (postings.Live > 0)
            {
                terms.Add(postings);
            }
        }
        if (terms.Count <= 1)
        {
            return terms.FirstOrDefault();
        }
        merged = Postings.Merge(terms, slot => _slots[slot] is not null);
        if (Interlocked.Add(ref _mergedPostings, merged.Count) > MaxMergedPostings)
        {
            _merged.Clear();
            Interlocked.Exchange(ref _mergedPostings, merged.Count);
        }
        _merged[prefix] = merged;
        return merged;
    }

    private void Add(Prepared document, List<string> newTerms)
    {
        var slot = _slots.Count;
        var terms = new Postings[document.Words!.Length];
        var i = 0;
        foreach (var (term, title, body) in document.Words)
        {
            if (!_terms.TryGetValue(term, out var postings))
            {
                postings = new Postings();
                _terms[term] = postings;
                newTerms.Add(term);
            }
            postings.Append(new Posting(slot, title, body));
            terms[i++] = postings;
        }
        _slots.Add(new Document(document.RowId, document.Kind, document.Id, document.Title, document.Tokens, terms));
        _lengths.Add(document.Tokens);
        _slotOfRow[document.RowId] = slot;
        _live++;
        _liveTokens += document.Tokens;
    }

    private void Remove(long rowId)
    {
        if (!_slotOfRow.Remove(rowId, out var slot))
        {
            return;
        }
        var document = _slots[slot]!;
        foreach (var postings in document.Terms)
        {
            postings.Live--;
        }
        _slots[slot] = null;
        _lengths[slot] = -1;
        _live--;
        _liveTokens -= document.Tokens;
        _dead++;
    }

    /// <summary>
    /// Merges the new terms in from the end, each moving the terms after it up in one block, so every term moves once:
    /// sorting every term again (more than 64 new) cost 45 ms of the write lock at 200,000 terms, and inserting them
    /// one by one (fewer) moved the terms after each of them once per new term.
    /// </summary>
    private void InsertSorted(List<string> newTerms)
    {
        newTerms.Sort(StringComparer.Ordinal);
        var end = _sortedTerms.Count;
        _sortedTerms.AddRange(newTerms);
        var terms = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_sortedTerms);
        for (var added = newTerms.Count - 1; added >= 0; added--)
        {
            var at = ~terms[..end].BinarySearch(newTerms[added], StringComparer.Ordinal);
            terms[at..end].CopyTo(terms[(at + added + 1)..]);
            terms[at + added] = newTerms[added];
            end = at;
        }
    }

    /// <summary>Numbers the live documents afresh, in their order, and drops dead postings and terms nothing holds.</summary>
    private void Compact()
    {
        var renumbered = new int[_slots.Count];
        var live = new List<Document?>(_live);
        for (var slot = 0; slot < _slots.Count; slot++)
        {
            renumbered[slot] = -1;
            if (_slots[slot] is { } document)
            {
                renumbered[slot] = live.Count;
                _slotOfRow[document.RowId] = live.Count;
                live.Add(document);
            }
        }
        foreach (var (term, postings) in _terms.ToList())
        {
            postings.Renumber(renumbered);
            if (postings.Count == 0)
            {
                _terms.Remove(term);
            }
        }
        lock (_preparing)
        {
            var kinds = _slots.Where(d => d is not null).Select(d => d!.Kind).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _strings.Keys.Where(k => !_terms.ContainsKey(k) && !kinds.Contains(k)).ToList())
            {
                _strings.Remove(gone);
            }
        }
        _sortedTerms.Clear();
        _sortedTerms.AddRange(_terms.Keys);
        _sortedTerms.Sort(StringComparer.Ordinal);
        _slots.Clear();
        _slots.AddRange(live);
        _lengths.Clear();
        _lengths.AddRange(live.Select(d => d!.Tokens));
        _dead = 0;
    }

    public void Dispose() => _lock.Dispose();

    private sealed record Document(long RowId, string Kind, string Id, string Title, int Tokens, Postings[] Terms)
    {
        public Hit ToHit(double score) => new(RowId, Kind, Id, Title, score);
    }
}
