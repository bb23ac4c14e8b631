namespace NormsGraph.Core.Extraction;

/// <summary>
/// Decides who holds the positions of a sentence: the actors named before its stance verb (a list
/// such as "Australia, Canada and the EU" gives each one), else the paragraph's last named actors when
/// the sentence refers back to them ("They…") or simply continues their reported speech. A name that is
/// the object of a preposition ("the invasion of Ukraine", "proposed to the OEWG") is never the speaker,
/// unless a speaker role comes first ("the representative of Chile", "on behalf of the African Group").
/// </summary>
internal static class AttributionResolver
{
    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "to", "by", "for", "from", "with", "against", "in", "into", "on", "at", "about", "toward", "towards",
        "between", "among", "amongst", "via", "under", "over", "than", "like", "upon", "within", "across",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
    };

    public static Attribution? Resolve(SentenceFacts facts, IReadOnlyList<string> current, IReadOnlyList<string> reportAuthor, bool sentenceHasModal)
    {
        foreach (var cue in facts.Cues)
        {
            var before = facts.Actors.Where(a => a.End <= cue.Start && CanSpeak(facts, a)).ToList();
            var anaphor = facts.Words.LastOrDefault(w => w.Payload.Class == WordClass.Anaphor && w.End <= cue.Start);
            // "They welcomed the statement of China and stressed…": the anaphor, not China, is the subject.
            var anaphorIsSubject = anaphor.End > 0 && (before.Count == 0 || anaphor.Start >= before[^1].End);
            if (anaphorIsSubject)
            {
                var referent = current.Count > 0 ? current : reportAuthor;
                return referent.Count > 0 ? new Attribution(referent, AttributionKind.Anaphoric, anaphor.End) : null;
            }
            if (before.Count > 0)
            {
                return Explicit(facts, before);
            }
        }
        if (Inverted(facts) is { } inverted)
        {
            return inverted;
        }
        if (current.Count == 0)
        {
            return null;
        }
        return sentenceHasModal || facts.Cues.Count > 0 ? new Attribution(current, AttributionKind.Carried, 0) : null;
    }

    private const int InversionReach = 4;

    // "…, said the representative of Pakistan.": a reporting verb directly followed by the speaker.
    private static Attribution? Inverted(SentenceFacts facts)
    {
        foreach (var cue in facts.Cues.Where(c => c.Cue.IsReporting && !c.Cue.TakesAddressee))
        {
            var speaker = facts.Actors.FirstOrDefault(a => a.Start >= cue.End && a.Start - cue.End <= InversionReach);
            if (speaker.End == 0)
            {
                continue;
            }
            var onlyRoleWords = Enumerable.Range(cue.End, speaker.Start - cue.End).All(i =>
                Determiners.Contains(facts.Tokens[i].Surface) || facts.Tokens[i].Surface == "of" || facts.Has(WordClass.SpeakerRole, i, i + 1));
            if (onlyRoleWords)
            {
                return new Attribution([speaker.ActorId], AttributionKind.Explicit, 0);
            }
        }
        return null;
    }

    private static Attribution Explicit(SentenceFacts facts, List<ActorMention> before)
    {
        var subjects = ActorLists.EndingAt(facts, before);
        // "Egypt, on behalf of the Arab Group, stressed…" and "Speaking on behalf of the EU, Germany said…":
        // the group holds the position; the other named actor spoke.
        var group = before.FirstOrDefault(a => subjects.Contains(a.ActorId) && IsOnBehalf(facts, a.Start));
        if (group.End == 0)
        {
            return new Attribution(subjects, AttributionKind.Explicit, before[^1].End);
        }
        var speaker = subjects.FirstOrDefault(id => id != group.ActorId)
            ?? facts.Actors.LastOrDefault(a => a.End <= group.Start).ActorId;
        return new Attribution([group.ActorId], AttributionKind.Explicit, before[^1].End, speaker);
    }

    /// <summary>False for a name governed by a preposition, unless a speaker role governs it.</summary>
    internal static bool CanSpeak(SentenceFacts facts, ActorMention mention)
    {
        var i = WordBeforeName(facts, mention.Start);
        if (i < 0 || !Prepositions.Contains(facts.Tokens[i].Surface))
        {
            return true;
        }
        return i > 0 && facts.Has(WordClass.SpeakerRole, i - 1, i);
    }

    /// <summary>Index of the word that governs a name starting at <paramref name="nameStart"/>, skipping "the", "its"…; -1 at the start.</summary>
    internal static int WordBeforeName(SentenceFacts facts, int nameStart)
    {
        var i = nameStart - 1;
        while (i >= 0 && Determiners.Contains(facts.Tokens[i].Surface))
        {
            i--;
        }
        return i;
    }

    private static bool IsOnBehalf(SentenceFacts facts, int mentionStart)
    {
        var i = WordBeforeName(facts, mentionStart);
        return i >= 1 && facts.Tokens[i].Surface == "of" && facts.Tokens[i - 1].Stem == "behalf";
    }
}
