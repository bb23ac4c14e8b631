using System.Collections.Concurrent;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The search documents' words in memory, ranked exactly as the FTS5 path ranks them (bm25 with FTS5's constants and its
/// handling of prefix terms, a title hit weighing ten body hits, ties by kind and id). FTS5 reads the whole doclist of
/// every query word on every search and scores every match through its auxiliary-function interface, so a new search
/// cost five times more at 20,000 reports than at 2,000 ("responsible disclosure": 1.6 ms against 0.3). Here, when
/// every word is common enough to have a <see cref="SlotSet"/>, a search ANDs their bits 64 documents at a time;
/// otherwise it walks the rarest word's documents, finding each in a common word's list by a bit and a count of bits
/// and in a rare word's by galloping search. Lengths come from an array in slot order, and a heap keeps only the
/// page's best.
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
    // Each slot's length in tokens: a search reads these in slot order instead of
    // following a reference per match to a document object somewhere on the heap.
    private readonly List<int> _lengths = [];
    // Per run of 64 slots: which hold a live document, and the fewest tokens of any document that ever held one of
    // them (a removed document leaves its length behind, which still bounds the live ones from below).
    private readonly List<ulong> _liveChunks = [];
    private readonly List<int> _shortest = [];
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
        var ranking = new Ranking(this, idf, (int)Math.Min((long)offset + count, int.MaxValue), kinds);
        var sets = lists.Select(l => l.Slots(_slots.Count)).ToArray();
        if (sets.All(s => s is not null))
        {
            RankCommon(lists, sets!, ranking);
        }
        else
        {
            RankFromRarest(lists, sets, driver, ranking);
        }
        return (ranking.Total, ranking.Page(offset));
    }

    /// <summary>
    /// Ranks the matches of words that all have slot sets, 64 slots at a time: the sets' bits ANDed give the matches
    /// directly. Walking the rarest word's list instead ("disclosure", 1,633 documents at 20,000 reports, for 473
    /// matches with "responsible") cost a bit test and an unpredictable branch per document, and grew with that list.
    /// <para>
    /// No document of a run of 64 can score more than the words' most hits in the run at the run's shortest length
    /// would. When runs hold many matches each, the runs are ranked in the order of that bound, best first, so the page
    /// fills with good scores at once; from the first run whose bound is below the page's worst, the rest are only
    /// counted. A search matching most of the store ("cyber": 15,052 of 20,602 documents) scores a few runs of them.
    /// </para>
    /// </summary>
    private void RankCommon(Postings[] lists, SlotSet[] sets, Ranking ranking)
    {
        var live = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_liveChunks);
        var lengths = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_lengths);
        var chunks = sets.Min(s => s.Chunks);
        var found = new int[chunks];
        var bits = new ulong[chunks];
        var runs = 0;
        var matches = 0;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var match = live[chunk];
            for (var s = 0; s < sets.Length && match != 0; s++)
            {
                match &= sets[s].Chunk(chunk);
            }
            if (match != 0)
            {
                found[runs] = chunk;
                bits[runs++] = match;
                matches += System.Numerics.BitOperations.PopCount(match);
            }
        }
        // Bounds cost about as much as scoring two or three documents; with fewer matches per run they cost more than they save.
        if (!ranking.CanCountOnly || matches < 4 * runs)
        {
            for (var run = 0; run < runs; run++)
            {
                RankRun(lists, sets, lengths, found[run], bits[run], ranking);
            }
            return;
        }
        var shortest = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_shortest);
        var bounds = new double[runs];
        for (var run = 0; run < runs; run++)
        {
            for (var w = 0; w < sets.Length; w++)
            {
                ranking.Frequencies[w] = sets[w].MostHits(found[run]);
            }
            // Negated, so that sorting puts the highest bound first.
            bounds[run] = -ranking.Score(shortest[found[run]]);
        }
        var order = new int[runs];
        for (var run = 0; run < runs; run++)
        {
            order[run] = run;
        }
        Array.Sort(bounds, order);
        for (var i = 0; i < runs; i++)
        {
            var run = order[i];
            if (ranking.Below(-bounds[i]))
            {
                for (; i < runs; i++)
                {
                    ranking.Count(System.Numerics.BitOperations.PopCount(bits[order[i]]));
                }
                return;
            }
            RankRun(lists, sets, lengths, found[run], bits[run], ranking);
        }
    }

    private static void RankRun(Postings[] lists, SlotSet[] sets, ReadOnlySpan<int> lengths, int chunk, ulong bits, Ranking ranking)
    {
        var frequencies = ranking.Frequencies;
        for (; bits != 0; bits &= bits - 1)
        {
            var slot = (chunk << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
            for (var w = 0; w < lists.Length; w++)
            {
                frequencies[w] = Weighted(lists[w].Items[sets[w].RankOf(slot)]);
            }
            ranking.Offer(slot, lengths[slot]);
        }
    }

    /// <summary>
    /// Ranks the matches by walking the rarest word's list, finding each document in a common word's list by its slot
    /// set and in a rare word's by galloping search.
    /// </summary>
    private void RankFromRarest(Postings[] lists, SlotSet?[] sets, int driver, Ranking ranking)
    {
        var lengths = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_lengths);
        var live = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_liveChunks);
        var frequencies = ranking.Frequencies;
        var filters = sets.Where((s, w) => w != driver && s is not null).Select(s => s!).ToArray();
        var cursors = new int[lists.Length];
        var walked = lists[driver];
        for (var i = 0; i < walked.Count; i++)
        {
            var slot = walked.Items[i].Slot;
            if ((live[slot >> 6] & (1UL << slot)) == 0 || !InEverySet(filters, slot))
            {
                continue;
            }
            frequencies[driver] = Weighted(walked.Items[i]);
            var all = true;
            for (var w = 0; w < lists.Length && all; w++)
            {
                if (w != driver)
                {
                    frequencies[w] = sets[w] is { } set ? Frequency(lists[w], set.IndexOf(slot)) : Frequency(lists[w], ref cursors[w], slot);
                    all = frequencies[w] > 0;
                }
            }
            if (all)
            {
                ranking.Offer(slot, lengths[slot]);
            }
        }
    }

    /// <summary>The matches of one search counted, and the best of them kept in a heap, worst at its head.</summary>
    private sealed class Ranking(SearchIndex index, double[] idf, int keep, IReadOnlySet<string>? kinds)
    {
        private readonly double _averageLength = (double)index._liveTokens / index._live;
        private readonly PriorityQueue<int, (double Score, int Slot)> _best = new(new WorstFirst(index));
        // The worst score kept once the heap is full: most matches fall below it and cost no comparison of ids.
        private double _threshold = double.NegativeInfinity;

        public int Total { get; private set; }

        /// <summary>Each word's weighted hits in the document being offered, filled in by the caller.</summary>
        public double[] Frequencies { get; } = new double[idf.Length];

        /// <summary>Counts the document at <paramref name="slot"/>, if of a kind kept, and keeps it while it ranks among the best.</summary>
        public void Offer(int slot, int length)
        {
            if (kinds is not null && !kinds.Contains(index._slots[slot]!.Kind))
            {
                return;
            }
            Total++;
            if (keep == 0)
            {
                return;
            }
            var score = Score(length);
            if (_best.Count < keep)
            {
                _best.Enqueue(slot, (score, slot));
            }
            else if (score >= _threshold && _best.Comparer.Compare((score, slot), Worst()) > 0)
            {
                _best.DequeueEnqueue(slot, (score, slot));
            }
            else
            {
                return;
            }
            if (_best.Count == keep)
            {
                _threshold = Worst().Score;
            }
        }

        /// <summary>
        /// Whether documents scoring below the page's worst, once it is full, may be counted without being offered: not
        /// when kinds are filtered, which needs each document's kind.
        /// </summary>
        public bool CanCountOnly => kinds is null && keep > 0;

        /// <summary>
        /// Whether the page is full and <paramref name="bound"/> is below its worst. A bound is <see cref="Score"/> of
        /// the most hits at the shortest length: bm25 rises with the hits and falls with the length, and each
        /// floating-point step is monotone, so no document under those can score more.
        /// </summary>
        public bool Below(double bound) => _best.Count == keep && bound < _threshold;

        /// <summary>Counts <paramref name="documents"/> matches without ranking them.</summary>
        public void Count(int documents) => Total += documents;

        /// <summary>The hits kept, best first, from <paramref name="offset"/> on.</summary>
        public List<Hit> Page(int offset)
        {
            var ordered = new List<(double Score, int Slot)>(_best.Count);
            while (_best.TryDequeue(out var slot, out var priority))
            {
                ordered.Add((priority.Score, slot));
            }
            ordered.Reverse();
            return [.. ordered.Skip(offset).Select(h => index._slots[h.Slot]!.ToHit(h.Score))];
        }

        /// <summary>
        /// bm25 of a document with <see cref="Frequencies"/> hits and <paramref name="length"/> tokens, term by term in
        /// FTS5's order of operations, so scores and their ties are the FTS5 path's.
        /// </summary>
        public double Score(int length)
        {
            // The length's part once per document: the same operations on the same values, so the same result.
            var lengthPart = K1 * (1 - B + B * length / _averageLength);
            var score = 0.0;
            for (var w = 0; w < idf.Length; w++)
            {
                score += idf[w] * (Frequencies[w] * (K1 + 1.0) / (Frequencies[w] + lengthPart));
            }
            return score;
        }

        private (double Score, int Slot) Worst() => _best.TryPeek(out _, out var priority) ? priority : default;
    }

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
    public static double Weighted(in Posting posting) => TitleWeight * posting.Title + BodyWeight * posting.Body;

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
        AddLength(document.Tokens);
        _slotOfRow[document.RowId] = slot;
        _live++;
        _liveTokens += document.Tokens;
    }

    // The next slot's length, marked live, and its run's shortest length.
    private void AddLength(int tokens)
    {
        var slot = _lengths.Count;
        _lengths.Add(tokens);
        if (slot >> 6 == _liveChunks.Count)
        {
            _liveChunks.Add(0);
            _shortest.Add(int.MaxValue);
        }
        _liveChunks[slot >> 6] |= 1UL << slot;
        _shortest[slot >> 6] = Math.Min(_shortest[slot >> 6], tokens);
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
        _liveChunks[slot >> 6] &= ~(1UL << slot);
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
        _liveChunks.Clear();
        _shortest.Clear();
        foreach (var document in live)
        {
            AddLength(document!.Tokens);
        }
        _dead = 0;
    }

    public void Dispose() => _lock.Dispose();

    private sealed record Document(long RowId, string Kind, string Id, string Title, int Tokens, Postings[] Terms)
    {
        public Hit ToHit(double score) => new(RowId, Kind, Id, Title, score);
    }
}
