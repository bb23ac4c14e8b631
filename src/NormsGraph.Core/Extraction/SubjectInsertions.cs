namespace NormsGraph.Core.Extraction;

/// <summary>
/// What a sentence sets off between its subject and the subject's verb describes the subject: "Indonesia, Thailand
/// and Viet Nam, three countries that have run CERT exercises under ASEAN, backed that approach"; "France, one of the
/// original sponsors of that proposal, agreed". The targets and cues named there are not what the verb is about.
/// </summary>
internal static class SubjectInsertions
{
    // Longer than this between two commas is more likely a clause of its own than a description.
    private const int MaxInsertionTokens = 16;

    /// <summary>The sentence without the targets and cues of an insertion after an explicit subject, or as it was.</summary>
    public static SentenceFacts Without(SentenceFacts facts, Attribution attribution)
    {
        if (attribution.Kind != AttributionKind.Explicit || Insertion(facts, attribution) is not var (from, to))
        {
            return facts;
        }
        return Outside(facts, from, to);
    }

    // A method of its own: lambdas capturing `from` and `to` in Without made it allocate their closure on every call,
    // for every explicitly attributed sentence, though few have an insertion.
    private static SentenceFacts Outside(SentenceFacts facts, int from, int to) => facts with
    {
        Targets = facts.Targets.FindAll(t => t.Start < from || t.Start >= to),
        Cues = facts.Cues.FindAll(c => c.Start < from || c.Start >= to),
    };

    // Asked of every explicitly attributed sentence: a loop, not a closure over the attribution.
    private static int FirstHolder(SentenceFacts facts, Attribution attribution)
    {
        for (var i = 0; i < facts.Actors.Count; i++)
        {
            var id = facts.Actors[i].ActorId;
            if (attribution.ActorIds.Contains(id) || id == attribution.SpeakerId)
            {
                return i;
            }
        }
        return -1;
    }

    // [from, to): from the comma after the subject's list to the verb after the next comma.
    private static (int From, int To)? Insertion(SentenceFacts facts, Attribution attribution)
    {
        var first = FirstHolder(facts, attribution);
        if (first < 0)
        {
            return null;
        }
        var listEnd = facts.Actors[first].End;
        for (var i = first + 1; i < facts.Actors.Count && attribution.ActorIds.Contains(facts.Actors[i].ActorId)
             && ActorLists.IsListGap(facts, listEnd, facts.Actors[i].Start); i++)
        {
            listEnd = facts.Actors[i].End;
        }
        if (listEnd >= facts.Tokens.Count || facts.TextBetween(listEnd - 1, listEnd).IndexOf(',') < 0)
        {
            return null;
        }
        foreach (var cue in facts.Cues)
        {
            if (cue.Start <= listEnd)
            {
                continue;
            }
            if (cue.Start - listEnd > MaxInsertionTokens || facts.TextBetween(listEnd - 1, cue.Start).IndexOfAny([';', ':', '.']) >= 0)
            {
                return null;
            }
            if (facts.TextBetween(cue.Start - 1, cue.Start).IndexOf(',') >= 0)
            {
                return (listEnd, cue.Start);
            }
        }
        return null;
    }
}
