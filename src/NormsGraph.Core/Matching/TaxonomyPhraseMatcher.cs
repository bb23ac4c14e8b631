using NormsGraph.Core.Text;

namespace NormsGraph.Core.Matching;

/// <summary>
/// The phrase signal of target matching: every taxonomy phrase, practice phrase and co-occurrence group of
/// every target, found in one pass over a token sequence. Extraction asks it about each sentence, linking
/// about a whole statement; built once per taxonomy and shared (read-only after construction).
/// </summary>
public sealed class TaxonomyPhraseMatcher
{
    private const int CooccurWindow = 20;

    private readonly PhraseMatcher<PhraseCue> _phrases = new();
    // A co-occurrence term's trie payload is the term (its stems), which lists its slots: common words are terms
    // of many groups, and one match per occurrence is cheaper than one per slot.
    private readonly PhraseMatcher<int> _cooccur = new();
    private readonly List<CooccurGroup> _slotGroups = [];
    private readonly List<List<int>> _termSlots = [];
    private readonly List<int> _slotTerm = [];

    [ThreadStatic]
    private static List<PhraseMatch<PhraseCue>>? _phraseScratch;

    [ThreadStatic]
    private static List<PhraseHit>? _hitScratch;

    public TaxonomyPhraseMatcher(Taxonomy.Taxonomy taxonomy)
    {
        var termNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var target in taxonomy.Targets)
        {
            foreach (var phrase in target.Phrases)
            {
                _phrases.Add(phrase, new PhraseCue(target.Target.Id, IsPractice: false, phrase));
            }
            foreach (var phrase in target.Practices)
            {
                _phrases.Add(phrase, new PhraseCue(target.Target.Id, IsPractice: true, phrase));
            }
            foreach (var (terms, isPractice) in target.Cooccur.Select(g => (g, false)).Concat(target.PracticeCooccur.Select(g => (g, true))))
            {
                var group = new CooccurGroup(target.Target.Id, _slotGroups.Count, terms.Count, string.Join(" + ", terms), isPractice);
                foreach (var term in terms)
                {
                    var termNumber = TermNumber(term, termNumbers);
                    _termSlots[termNumber].Add(_slotGroups.Count);
                    _slotTerm.Add(termNumber);
                    _slotGroups.Add(group);
                }
            }
        }
    }

    // Terms with the same stems end at the same trie node: they are one term, its slots in the order they came.
    private int TermNumber(string term, Dictionary<string, int> termNumbers)
    {
        var stems = Tokenizer.Stems(term);
        var key = string.Join(' ', stems);
        if (!termNumbers.TryGetValue(key, out var number))
        {
            number = _termSlots.Count;
            termNumbers[key] = number;
            _termSlots.Add([]);
            _cooccur.Add(stems, number);
        }
        return number;
    }

    /// <summary>Every phrase and practice occurrence, then every satisfied co-occurrence group, in text order within each kind.</summary>
    public List<PhraseHit> FindAll(IReadOnlyList<Token> tokens)
    {
        var hits = _hitScratch ??= [];
        hits.Clear();
        AddAll(tokens, hits);
        // Common words satisfy many groups: collected in a reused list, handed out at their exact size.
        return [.. hits];
    }

    /// <summary>Appends what <see cref="FindAll"/> finds to <paramref name="hits"/> (extraction's per-thread list).</summary>
    internal void AddAll(IReadOnlyList<Token> tokens, List<PhraseHit> hits)
    {
        var scratch = CooccurScratch.ForThisThread(_slotGroups.Count);
        var phrases = _phraseScratch ??= [];
        phrases.Clear();
        _phrases.FindAll(tokens, phrases);
        foreach (var match in phrases)
        {
            var cue = match.Payload;
            hits.Add(new PhraseHit(cue.TargetId, cue.IsPractice, match.Start, match.End,
                cue.IsPractice ? MatchSignal.Practice : MatchSignal.Phrase, cue.Phrase));
        }
        AddCooccurrences(tokens, hits, scratch);
    }

    // Each term remembers the first and the last token where it occurs, which fill all its slots; a group is
    // satisfied when all its slots are filled within the window, read at the occurrences that lie closest together
    // ("Regarding critical infrastructure, China said no state should undermine another state's critical
    // infrastructure": the act and what it hits at the end, not the topic at the start). Groups are checked in the
    // order their first slot was seen.
    // Common words belong to many groups and recur in a sentence, and this runs per sentence, so a term is
    // handled at its first occurrence only and the bookkeeping lives in per-thread arrays stamped per call
    // (nothing to clear, nothing allocated).
    private void AddCooccurrences(IReadOnlyList<Token> tokens, List<PhraseHit> hits, CooccurScratch scratch)
    {
        var matches = scratch.Slots;
        matches.Clear();
        _cooccur.FindAll(tokens, matches);
        if (matches.Count == 0)
        {
            return;
        }
        var stamp = scratch.NextStamp();
        var seen = scratch.TermSeen;
        var positions = scratch.TermPosition;
        var lastPositions = scratch.TermLastPosition;
        var order = scratch.SlotOrder;
        order.Clear();
        foreach (var match in matches)
        {
            var term = match.Payload;
            if (seen[term] == stamp)
            {
                lastPositions[term] = (match.Start, match.End);
                continue;
            }
            seen[term] = stamp;
            positions[term] = (match.Start, match.End);
            lastPositions[term] = (match.Start, match.End);
            order.AddRange(_termSlots[term]);
        }
        var checkedGroups = scratch.GroupChecked;
        foreach (var slot in order)
        {
            var group = _slotGroups[slot];
            if (checkedGroups[group.FirstSlot] == stamp)
            {
                continue;
            }
            checkedGroups[group.FirstSlot] = stamp;
            var complete = true;
            for (var s = group.FirstSlot; s < group.FirstSlot + group.TermCount && complete; s++)
            {
                complete = seen[_slotTerm[s]] == stamp;
            }
            if (!complete)
            {
                continue;
            }
            var (first, last, end) = Tightest(group, positions, lastPositions);
            if (last - first <= CooccurWindow)
            {
                hits.Add(new PhraseHit(group.TargetId, group.IsPractice, first, end, MatchSignal.Cooccurrence, group.Terms));
            }
        }
    }

    // The largest group that tries every choice of first or last occurrence per term; beyond it, first occurrences.
    private const int MaxChoiceTerms = 4;

    // The span of the group's terms where they lie closest together; ties keep the first occurrences.
    private (int First, int Last, int End) Tightest(CooccurGroup group, (int Start, int End)[] positions, (int Start, int End)[] lastPositions)
    {
        var choices = group.TermCount <= MaxChoiceTerms ? 1 << group.TermCount : 1;
        (int First, int Last, int End) best = (0, 0, 0);
        for (var choice = 0; choice < choices; choice++)
        {
            int first = int.MaxValue, last = int.MinValue, end = 0;
            for (var s = 0; s < group.TermCount; s++)
            {
                var term = _slotTerm[group.FirstSlot + s];
                var position = (choice & (1 << s)) == 0 ? positions[term] : lastPositions[term];
                first = Math.Min(first, position.Start);
                last = Math.Max(last, position.Start);
                end = Math.Max(end, position.End);
            }
            if (choice == 0 || last - first < best.Last - best.First)
            {
                best = (first, last, end);
            }
        }
        return best;
    }

    private sealed record PhraseCue(string TargetId, bool IsPractice, string Phrase);

    /// <summary>A co-occurrence group of a target: its terms occupy slots [FirstSlot, FirstSlot + TermCount).</summary>
    private sealed record CooccurGroup(string TargetId, int FirstSlot, int TermCount, string Terms, bool IsPractice);
}
