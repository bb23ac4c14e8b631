namespace NormsGraph.Core.Extraction;

/// <summary>
/// Reads a list of speakers that ends at the name nearest the verb, walking back name by name. Names are
/// separated by commas, "and", "as well as", "together with"…, and may carry inserted descriptions
/// ("the EU and its member states, the candidate countries Albania and Serbia, the country of the
/// stabilisation and association process Bosnia and Herzegovina, as well as Norway…"). A gap with a verb,
/// a stance cue, clause punctuation or a relative word ends the list: it belongs to another clause.
/// </summary>
internal static class ActorLists
{
    private const int MaxGapTokens = 10;

    private static readonly HashSet<string> Separators = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "&", "/", "plus", "including", "namely",
    };

    private static readonly HashSet<string> PairedSeparators = new(StringComparer.OrdinalIgnoreCase)
    {
        "as well as", "together with", "along with", "joined by", "alongside", "supported by", "backed by", "seconded by",
    };

    // Words that only a clause has: a finite verb, a relative or a subordinating word.
    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been", "has", "have", "had",
        "will", "would", "shall", "should", "must", "can", "could", "may", "might", "do", "does", "did",
        "when", "while", "whereas", "after", "before", "because", "since", "if", "although", "though", "but",
        "said", "says", "stated", "noted", "not",
    };

    public static List<string> EndingAt(SentenceFacts facts, IReadOnlyList<ActorMention> before)
    {
        var ids = new List<string> { before[^1].ActorId };
        for (var i = before.Count - 2; i >= 0; i--)
        {
            // "The meeting of the OEWG started and the representative of Japan took the floor": a process does not
            // speak in one list with a state; the walk back stops at it.
            if (!IsListGap(facts, before[i].End, before[i + 1].Start) || before[i].IsProcess != before[^1].IsProcess)
            {
                break;
            }
            // "Nada Al-Nashif, UN Deputy High Commissioner for Human Rights, said": after a person's name,
            // a name set off by a comma is the person's office or organisation, not a second speaker.
            if (IsApposition(facts, before[i], before[i + 1]))
            {
                ids.Remove(before[i + 1].ActorId);
            }
            ids.Insert(0, before[i].ActorId);
        }
        return WithoutRepeats(ids);
    }

    /// <summary>The list that starts at <paramref name="first"/> and runs forward: the agents of "supported by France and Egypt".</summary>
    public static List<string> StartingAt(SentenceFacts facts, ActorMention first)
    {
        var ids = new List<string> { first.ActorId };
        var previous = first;
        foreach (var next in facts.Actors)
        {
            if (next.Start < first.End)
            {
                continue;
            }
            if (!IsListGap(facts, previous.End, next.Start))
            {
                break;
            }
            ids.Add(next.ActorId);
            previous = next;
        }
        return WithoutRepeats(ids);
    }

    // What Distinct(StringComparer.Ordinal).ToList() gave, first occurrences in order, in place: a list of speakers
    // has a handful of names, and is built for most sentences, so a pass over it costs less than Distinct's set,
    // iterator and copy.
    private static List<string> WithoutRepeats(List<string> ids)
    {
        var kept = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids.IndexOf(ids[i], 0, kept) < 0)
            {
                ids[kept++] = ids[i];
            }
        }
        ids.RemoveRange(kept, ids.Count - kept);
        return ids;
    }

    private static bool IsApposition(SentenceFacts facts, ActorMention person, ActorMention next)
    {
        if (!person.ActorId.StartsWith(DiscoveredActors.PersonPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var gap = facts.TextBetween(person.End - 1, next.Start);
        return gap.Trim().SequenceEqual(",") || (gap.Contains(',') && Enumerable.Range(person.End, next.Start - person.End)
            .All(i => facts.Tokens[i].Surface is "the" or "a" or "an" || !char.IsLower(facts.Tokens[i].Surface[0])));
    }

    /// <summary>
    /// "Mexico, supported by Chile and Uruguay, called for…": a participle set off by a comma before "by" adds the
    /// names after it to the subject; it is not the sentence's verb.
    /// </summary>
    internal static bool IsCoSponsorMarker(SentenceFacts facts, CueMention cue) =>
        cue.Start > 0 && cue.End < facts.Tokens.Count && facts.Tokens[cue.End].Surface == "by"
        && facts.TextBetween(cue.Start - 1, cue.Start).Contains(',')
        && PairedSeparators.Contains(facts.Tokens[cue.End - 1].Surface + " by");

    /// <summary>True when tokens [from, to) can stand between two names of one list.</summary>
    internal static bool IsListGap(SentenceFacts facts, int from, int to)
    {
        if (to - from > MaxGapTokens)
        {
            return false;
        }
        var gap = facts.TextBetween(from - 1, to);
        if (gap.IndexOfAny(";:.!?") >= 0 || HasCueWithin(facts, from, to))
        {
            return false;
        }
        var separated = gap.Contains(',') || gap.Contains('/') || gap.Contains('&');
        for (var i = from; i < to; i++)
        {
            var word = facts.Tokens[i].Surface;
            if (ClauseWords.Contains(word))
            {
                return false;
            }
            separated |= Separators.Contains(word)
                || (i + 1 < to && IsPairedSeparator(word, facts.Tokens[i + 1].Surface));
        }
        // Adjacent names with nothing between them are one name the matchers split, not a list.
        return separated || to == from;
    }

    // Asked of every gap between two names of most sentences: a loop, not a closure over the gap.
    private static bool HasCueWithin(SentenceFacts facts, int from, int to)
    {
        foreach (var cue in facts.Cues)
        {
            if (cue.Start < to && cue.End > from && !IsCoSponsorMarker(facts, cue))
            {
                return true;
            }
        }
        return false;
    }

    private const int MaxPairedSeparatorLength = 32;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PairedSeparatorSpans =
        PairedSeparators.GetAlternateLookup<ReadOnlySpan<char>>();

    // Whether "first second" is a paired separator, looked up from a stack buffer: this runs for every word of every
    // gap, where concatenating the two words allocated a string each time. A pair longer than the buffer is longer
    // than every separator, and a case-insensitive ordinal match has the same length.
    private static bool IsPairedSeparator(string first, string second)
    {
        var length = first.Length + 1 + second.Length;
        if (length > MaxPairedSeparatorLength)
        {
            return false;
        }
        Span<char> pair = stackalloc char[MaxPairedSeparatorLength];
        first.CopyTo(pair);
        pair[first.Length] = ' ';
        second.CopyTo(pair[(first.Length + 1)..]);
        return PairedSeparatorSpans.Contains(pair[..length]);
    }
}
