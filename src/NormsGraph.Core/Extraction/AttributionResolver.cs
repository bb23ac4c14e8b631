using NormsGraph.Core.Text;

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

    private static readonly HashSet<string> PersonalPronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she" };

    public static Attribution? Resolve(SentenceFacts facts, Referents referents, bool sentenceHasModal)
    {
        if (Trailing(facts, referents) is { } trailing)
        {
            return trailing;
        }
        // "“We must…,” said the Minister of Foreign Affairs of Estonia.": the named speaker after the quotation,
        // not the "we" inside it.
        if (Inverted(facts, afterQuotation: true) is { } quoted)
        {
            return quoted;
        }
        if (Viewpoint(facts) is { } viewpoint)
        {
            return viewpoint;
        }
        foreach (var cue in facts.Cues)
        {
            if (ActorLists.IsCoSponsorMarker(facts, cue) || IsPassive(facts, cue))
            {
                continue;
            }
            var before = SpeakersBefore(facts, cue.Start);
            var anaphor = LastAnaphorBefore(facts, cue.Start);
            // "They welcomed the statement of China and stressed…": the anaphor, not China, is the subject.
            var anaphorIsSubject = anaphor.End > 0 && (before is null || anaphor.Start >= before[^1].End);
            if (anaphorIsSubject)
            {
                // "Cuba went further: it rejected…": a speaker named earlier in the same sentence is the one meant.
                var referent = before is not null ? ActorLists.EndingAt(facts, before) : referents.For(KindOf(facts, anaphor));
                return referent.Count > 0 ? new Attribution(referent, AttributionKind.Anaphoric, anaphor.End) : null;
            }
            if (before is not null)
            {
                return Explicit(facts, before);
            }
            if (NominalSource(facts, cue) is { } source)
            {
                return source;
            }
        }
        if (Inverted(facts, afterQuotation: false) is { } inverted)
        {
            return inverted;
        }
        if (referents.Paragraph.Count == 0)
        {
            return null;
        }
        return sentenceHasModal || facts.Cues.Count > 0 ? new Attribution(referents.Paragraph, AttributionKind.Carried, 0) : null;
    }

    // Resolve runs for every sentence, and twice for most when the report's author is looked for: these loops stand
    // where Where(...).ToList() and LastOrDefault(...) allocated a closure, an iterator and a list for each cue.

    // The actors that can speak and end by token `end`, in order; null, not an empty list, when there are none.
    // The list is the thread's, reused for every cue: Resolve reads it only until it returns or moves to the next
    // cue, and nothing it calls resolves another sentence.
    private static List<ActorMention>? SpeakersBefore(SentenceFacts facts, int end)
    {
        var before = _speakersBefore ??= [];
        before.Clear();
        foreach (var actor in facts.Actors)
        {
            if (actor.End <= end && CanSpeak(facts, actor))
            {
                before.Add(actor);
            }
        }
        return before.Count > 0 ? before : null;
    }

    [ThreadStatic]
    private static List<ActorMention>? _speakersBefore;

    private static PhraseMatch<WordCue> LastAnaphorBefore(SentenceFacts facts, int end)
    {
        for (var i = facts.Words.Count - 1; i >= 0; i--)
        {
            if (facts.Words[i].Payload.Class == WordClass.Anaphor && facts.Words[i].End <= end)
            {
                return facts.Words[i];
            }
        }
        return default;
    }

    private static ReferenceKind KindOf(SentenceFacts facts, PhraseMatch<WordCue> anaphor)
    {
        var first = facts.Tokens[anaphor.Start].Surface;
        if (anaphor.End - anaphor.Start == 1 && PersonalPronouns.Contains(first))
        {
            return ReferenceKind.Person;
        }
        return anaphor.End - anaphor.Start > 1 && GroupDemonstratives.Contains(first) ? ReferenceKind.Group : ReferenceKind.Any;
    }

    private static readonly HashSet<string> GroupDemonstratives = new(StringComparer.OrdinalIgnoreCase) { "these", "those" };

    private const int TrailingReach = 12;

    // "…are applicable to cyberspace, she said." and "…laws are needed, the Islamic Republic of Iran suggested.":
    // a closing reporting clause names the speaker of all that comes before it, whoever is the grammatical
    // subject inside the reported words ("both reaffirmed…"). Nothing the speaker holds may follow the verb, unless
    // the clause is set off by commas inside the sentence ("Voluntary commitments, it argued, had done nothing…").
    private static Attribution? Trailing(SentenceFacts facts, Referents referents)
    {
        for (var c = facts.Cues.Count - 1; c >= 0; c--)
        {
            var verb = facts.Cues[c];
            if (HasTargetFrom(facts, verb.End) && !IsParenthetical(facts, verb))
            {
                return null;
            }
            var opening = ClauseOpening(facts, verb.Start);
            if (opening <= 0 || !ReportsBefore(facts, opening))
            {
                continue;
            }
            var speakerEnd = facts.Tokens[verb.Start - 1].Surface.Equals("also", StringComparison.OrdinalIgnoreCase) ? verb.Start - 1 : verb.Start;
            var names = SpeakersWithin(facts, opening, speakerEnd);
            if (names is not null && names[^1].End == speakerEnd)
            {
                return new Attribution(ActorLists.EndingAt(facts, names), AttributionKind.Explicit, 0);
            }
            var pronoun = WordAt(facts, WordClass.Anaphor, opening, speakerEnd);
            if (pronoun.End > 0)
            {
                var referent = referents.For(KindOf(facts, pronoun));
                return referent.Count > 0 ? new Attribution(referent, AttributionKind.Anaphoric, 0) : null;
            }
        }
        return null;
    }

    private static bool HasTargetFrom(SentenceFacts facts, int from)
    {
        foreach (var target in facts.Targets)
        {
            if (target.Start >= from)
            {
                return true;
            }
        }
        return false;
    }

    // The actors within tokens [from, to) that can speak; null when there are none.
    private static List<ActorMention>? SpeakersWithin(SentenceFacts facts, int from, int to)
    {
        List<ActorMention>? names = null;
        foreach (var actor in facts.Actors)
        {
            if (actor.Start >= from && actor.End <= to && CanSpeak(facts, actor))
            {
                (names ??= []).Add(actor);
            }
        }
        return names;
    }

    // The first word of the class that spans exactly tokens [start, end); default when none does.
    private static PhraseMatch<WordCue> WordAt(SentenceFacts facts, WordClass wordClass, int start, int end)
    {
        foreach (var word in facts.Words)
        {
            if (word.Payload.Class == wordClass && word.Start == start && (end < 0 || word.End == end))
            {
                return word;
            }
        }
        return default;
    }

    private const int ViewpointReach = 12;

    // "For Switzerland, IHL applies…", "In the view of Brazil and Chile, …", "In Egypt's view, …": an opening phrase,
    // closed by a comma, that names whose view the rest of the sentence gives. "In Ukraine, …" names a place.
    private static Attribution? Viewpoint(SentenceFacts facts)
    {
        var opener = WordAt(facts, WordClass.ViewpointOpener, 0, end: -1);
        var possessive = opener.End == 0 && facts.Tokens.Count > 2 && facts.Tokens[0].Surface is "In" or "From";
        var from = opener.End > 0 ? opener.End : possessive ? 1 : -1;
        if (from < 0)
        {
            return null;
        }
        // Asked of every sentence: loops, since a lambda capturing `facts` here allocated its closure on every call,
        // before the opener was even looked for.
        var comma = FirstCommaBefore(facts, from + 1, Math.Min(facts.Tokens.Count, from + ViewpointReach));
        if (comma == 0)
        {
            return null;
        }
        List<ActorMention> names = [];
        foreach (var actor in facts.Actors)
        {
            if (actor.Start >= from && actor.End <= comma && !actor.IsProcess)
            {
                names.Add(actor);
            }
        }
        if (names.Count == 0 || WordBeforeName(facts, names[0].Start) != from - 1)
        {
            return null;
        }
        var last = names[^1];
        // "According to Professor Mei Lin of Tsinghua University, …": the person speaks, not the affiliation.
        var person = names[0].ActorId.StartsWith(DiscoveredActors.PersonPrefix, StringComparison.Ordinal) && names.Count > 1
            && FollowsPreposition(facts, names[1].Start);
        var fits = possessive
            ? comma == last.End + 1 && facts.Has(WordClass.ViewpointNoun, last.End, comma) && IsPossessive(facts.Tokens[last.End - 1].Surface)
            : comma == last.End;
        return fits ? new Attribution(person ? [names[0].ActorId] : ActorLists.EndingAt(facts, names), AttributionKind.Explicit, comma) : null;
    }

    // The first token in [from, to) with a comma before it; 0 when there is none.
    private static int FirstCommaBefore(SentenceFacts facts, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (facts.TextBetween(i - 1, i).Contains(','))
            {
                return i;
            }
        }
        return 0;
    }

    private static bool IsPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("\u2019s", StringComparison.Ordinal) || word.EndsWith('\'') || word.EndsWith('\u2019');

    // "…, it argued, …": a reporting verb closed by a comma, right behind its speaker.
    private static bool IsParenthetical(SentenceFacts facts, CueMention verb) =>
        verb.Cue.IsReporting && verb.End < facts.Tokens.Count && facts.TextBetween(verb.End - 1, verb.End).Contains(',');

    // Reported words come before the clause, and the clause does not continue a list of names ("Brazil, Chile said").
    private static bool ReportsBefore(SentenceFacts facts, int opening)
    {
        var reported = false;
        foreach (var target in facts.Targets)
        {
            reported |= target.Start < opening;
        }
        foreach (var cue in facts.Cues)
        {
            reported |= cue.End <= opening;
        }
        foreach (var actor in facts.Actors)
        {
            if (actor.End == opening)
            {
                return false;
            }
        }
        return reported;
    }

    // The first token of the comma- or quote-delimited stretch that ends at token <paramref name="end"/>;
    // 0 when it reaches back to the start of the sentence or further than a reporting clause does.
    private static int ClauseOpening(SentenceFacts facts, int end)
    {
        for (var i = end; i > 0 && end - i < TrailingReach; i--)
        {
            var gap = facts.TextBetween(i - 1, i);
            if (gap.IndexOfAny(ClauseMarks) >= 0)
            {
                return i;
            }
        }
        return 0;
    }

    private static readonly char[] ClauseMarks = [',', '\u201D', '"', '\u2014'];

    private static readonly char[] ClosingQuotes = ['\u201D', '"'];

    // Determiners that can open a speaker's role after a reporting verb; "that" and "this" open reported words.
    private static readonly HashSet<string> RoleDeterminers = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "its", "their", "his", "her" };

    private const int InversionReach = 8;

    // "…, said the representative of Pakistan.", "…, said the Minister of Foreign Affairs of Estonia.": a reporting
    // verb followed by the speaker, with nothing between them but a role and its title words.
    private static Attribution? Inverted(SentenceFacts facts, bool afterQuotation)
    {
        // Asked twice of every sentence: a loop that skips, not a Where iterator.
        foreach (var cue in facts.Cues)
        {
            if (!cue.Cue.IsReporting || cue.Cue.TakesAddressee)
            {
                continue;
            }
            if (afterQuotation && (cue.Start == 0 || facts.TextBetween(cue.Start - 1, cue.Start).IndexOfAny(ClosingQuotes) < 0))
            {
                continue;
            }
            var speaker = FirstActorAfter(facts, cue.End);
            if (speaker.End == 0)
            {
                continue;
            }
            if (OnlyRoleWords(facts, cue.End, speaker.Start))
            {
                return new Attribution([speaker.ActorId], AttributionKind.Explicit, 0);
            }
        }
        return null;
    }

    // The first actor that starts within reach after a reporting verb ending at `verbEnd`; default when none does.
    private static ActorMention FirstActorAfter(SentenceFacts facts, int verbEnd)
    {
        foreach (var actor in facts.Actors)
        {
            if (actor.Start >= verbEnd && actor.Start - verbEnd <= InversionReach)
            {
                return actor;
            }
        }
        return default;
    }

    private const int MaxRankWords = 2;

    // Between a reporting verb and its speaker: determiners, "of", role and title words, and, as in "…, said a senior
    // French diplomat", a word or two of rank, no more.
    private static bool OnlyRoleWords(SentenceFacts facts, int from, int to)
    {
        var rankWords = 0;
        for (var i = from; i < to; i++)
        {
            var word = facts.Tokens[i].Surface;
            var rank = IsRankWord(facts, i);
            if ((rank && ++rankWords > MaxRankWords)
                || !(rank || RoleDeterminers.Contains(word) || word == "of" || facts.Has(WordClass.SpeakerRole, i, i + 1)
                     || (facts.Tokens[i].IsCapitalised && facts.TextBetween(i - 1, i).IndexOfAny(ClauseMarks) < 0)))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsRankWord(SentenceFacts facts, int i)
    {
        var word = facts.Tokens[i].Surface;
        return char.IsLower(word[0]) && !Prepositions.Contains(word) && !Determiners.Contains(word) && word is not ("which" or "who" or "whose")
            && !facts.CueStartsAt(i) && facts.TextBetween(i - 1, i).IndexOfAny(ClauseMarks) < 0;
    }

    private static Attribution Explicit(SentenceFacts facts, List<ActorMention> before)
    {
        var subjects = ActorLists.EndingAt(facts, before);
        // "Egypt, on behalf of the Arab Group, stressed…" and "Speaking on behalf of the EU, Germany said…":
        // the group holds the position; the other named actor spoke.
        // Every explicit attribution comes here: loops, since a lambda capturing `facts` or `subjects` allocated its
        // closure on every call, though a group is rarely named.
        var group = OnBehalfGroup(facts, before, subjects);
        if (group.End == 0)
        {
            return new Attribution(subjects, AttributionKind.Explicit, before[^1].End);
        }
        // "Ireland, speaking also on behalf of Austria and Switzerland, urged…": every name of the list after
        // "on behalf of" is a holder, and "also" makes the speaker one too.
        // Fronted ("Speaking on behalf of the NAM and China, Iran said…"), the last name before the verb is the speaker.
        var groupAt = subjects.IndexOf(group.ActorId);
        var holders = groupAt < 0 ? [] : subjects.GetRange(groupAt, subjects.Count - groupAt);
        if (holders.Count > 1 && holders.Count == subjects.Count)
        {
            holders.RemoveAt(holders.Count - 1);
        }
        var speaker = FirstNotIn(subjects, holders) ?? LastActorBy(facts, group.Start).ActorId;
        if (speaker is not null && SpeaksAlsoForItself(facts, group.Start))
        {
            holders.Insert(0, speaker);
        }
        return new Attribution(holders, AttributionKind.Explicit, before[^1].End, speaker);
    }

    private static ActorMention OnBehalfGroup(SentenceFacts facts, List<ActorMention> before, List<string> subjects)
    {
        foreach (var actor in before)
        {
            if (subjects.Contains(actor.ActorId) && IsOnBehalf(facts, actor.Start))
            {
                return actor;
            }
        }
        return default;
    }

    private static string? FirstNotIn(List<string> ids, List<string> excluded)
    {
        foreach (var id in ids)
        {
            if (!excluded.Contains(id))
            {
                return id;
            }
        }
        return null;
    }

    // The last actor that ends by token `end`; default when none does.
    private static ActorMention LastActorBy(SentenceFacts facts, int end)
    {
        for (var i = facts.Actors.Count - 1; i >= 0; i--)
        {
            if (facts.Actors[i].End <= end)
            {
                return facts.Actors[i];
            }
        }
        return default;
    }

    private const int AlsoReach = 4;

    // "speaking also on behalf of", "also on behalf of", "also speaking for": the speaker holds the position as well.
    private static bool SpeaksAlsoForItself(SentenceFacts facts, int groupStart)
    {
        var of = WordBeforeName(facts, groupStart);
        for (var i = of - 1; i >= 0 && of - i <= AlsoReach; i--)
        {
            if (facts.Tokens[i].Surface.Equals("also", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>False for a name governed by a preposition, unless a speaker role governs it, and for a process
    /// whose name is the very target of the sentence ("the Programme of Action was presented by France").</summary>
    internal static bool CanSpeak(SentenceFacts facts, ActorMention mention)
    {
        if (mention.IsProcess && NamesTarget(facts, mention))
        {
            return false;
        }
        var first = FirstOfList(facts, mention);
        var i = WordBeforeName(facts, first.Start);
        if (i < 0 || !Prepositions.Contains(facts.Tokens[i].Surface))
        {
            return true;
        }
        return i > 0 && (facts.Has(WordClass.SpeakerRole, i - 1, i) || IsOnBehalf(facts, first.Start) || HasRelativeClause(facts, mention)
            || CoSponsorMarkerEndsAt(facts, i) || NamesIncludedSpeakers(facts, i));
    }

    // CanSpeak is asked of every actor before every cue: a lambda capturing `facts` there allocated its closure on
    // every call, whether or not it was reached.
    private static bool CoSponsorMarkerEndsAt(SentenceFacts facts, int end)
    {
        foreach (var cue in facts.Cues)
        {
            if (cue.End == end && ActorLists.IsCoSponsorMarker(facts, cue))
            {
                return true;
            }
        }
        return false;
    }

    // Asked of every actor before every cue: a loop, not a closure over the mention.
    private static bool NamesTarget(SentenceFacts facts, ActorMention mention)
    {
        foreach (var target in facts.Targets)
        {
            if (!target.IsPractice && target.Start >= mention.Start && target.Start < mention.End)
            {
                return true;
            }
        }
        return false;
    }

    // "Several delegations, including those of Mexico and Chile, called for…": the names stand for the speakers.
    private static bool NamesIncludedSpeakers(SentenceFacts facts, int of) =>
        of >= 2 && facts.Tokens[of].Surface == "of" && facts.Tokens[of - 1].Surface is "those" or "that"
        && facts.Tokens[of - 2].Surface is "including" or "notably" or "particularly" or "especially" or "among";

    // "…, championed by France and Egypt, would…": a name joined by "and" to names after a preposition is governed
    // by it too. The walk back starts only at a joining word without a comma, so that "With Ukraine and Georgia,
    // Estonia proposed…" keeps Estonia as the subject.
    private static ActorMention FirstOfList(SentenceFacts facts, ActorMention mention)
    {
        var index = facts.Actors.IndexOf(mention);
        if (index <= 0 || facts.TextBetween(facts.Actors[index - 1].End - 1, mention.Start).Contains(',')
            || !ActorLists.IsListGap(facts, facts.Actors[index - 1].End, mention.Start) || facts.Actors[index - 1].End == mention.Start)
        {
            return mention;
        }
        var first = index - 1;
        while (first > 0 && facts.Actors[first - 1].End < facts.Actors[first].Start && ActorLists.IsListGap(facts, facts.Actors[first - 1].End, facts.Actors[first].Start))
        {
            first--;
        }
        return facts.Actors[first];
    }

    // "Support for the programme of action came from France and Egypt", "…received the backing of Germany": a stance
    // given as a noun, held by the names after a source marker (`stance_sources`) in the same clause. The stance is
    // read from the noun nearest the marker on.
    private static Attribution? NominalSource(SentenceFacts facts, CueMention cue)
    {
        if (cue.Cue.IsReporting)
        {
            return null;
        }
        foreach (var source in facts.Words)
        {
            if (source.Payload.Class != WordClass.StanceSource || source.Start < cue.Start || facts.TextBetween(cue.Start, source.Start).IndexOfAny(";:") >= 0)
            {
                continue;
            }
            var holder = HolderAfter(facts, source.End);
            if (holder.End > 0)
            {
                // "The proposal for a review mechanism received the backing of Germany": the noun nearest the source.
                var noun = LastStanceCueBefore(facts, source.End);
                return new Attribution(ActorLists.StartingAt(facts, holder), AttributionKind.Explicit, noun.Start);
            }
        }
        return null;
    }

    // NominalSource looks at every word of a sentence with a stance cue, and lambdas capturing the word allocated a
    // closure for each one: these are loops.

    // The first actor (not a process) right after the source marker ending at `sourceEnd`; default when none is.
    private static ActorMention HolderAfter(SentenceFacts facts, int sourceEnd)
    {
        foreach (var actor in facts.Actors)
        {
            if (!actor.IsProcess && actor.Start >= sourceEnd && WordBeforeName(facts, actor.Start) == sourceEnd - 1)
            {
                return actor;
            }
        }
        return default;
    }

    // The stance cue that starts last before `end`, the first of equals (what MaxBy gave).
    private static CueMention LastStanceCueBefore(SentenceFacts facts, int end)
    {
        CueMention? last = null;
        foreach (var cue in facts.Cues)
        {
            if (!cue.Cue.IsReporting && cue.Start < end && (last is null || cue.Start > last.Value.Start))
            {
                last = cue;
            }
        }
        return last ?? throw new InvalidOperationException("A nominal source follows its stance cue.");
    }

    // "The forum was mentioned by Colombia": the subject of a passive verb did not speak; its agent did.
    private static bool IsPassive(SentenceFacts facts, CueMention cue) =>
        cue.Start > 0 && cue.End < facts.Tokens.Count && facts.Tokens[cue.End].Surface == "by"
        && facts.Tokens[cue.Start - 1].Surface is "was" or "were" or "is" or "are" or "been" or "be";

    // "…was mentioned by Colombia, which supported…": a relative clause after the name makes it the verb's subject.
    private static bool HasRelativeClause(SentenceFacts facts, ActorMention mention) =>
        mention.End + 1 < facts.Tokens.Count && facts.Tokens[mention.End].Surface is "which" or "who"
        && facts.TextBetween(mention.End - 1, mention.End).Contains(',')
        && HasCueWithin(facts, mention.End + 1, mention.End + 3);

    // Whether a cue starts in [from, to): a loop, since a lambda capturing the mention allocated on every call.
    private static bool HasCueWithin(SentenceFacts facts, int from, int to)
    {
        foreach (var cue in facts.Cues)
        {
            if (cue.Start >= from && cue.Start < to)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the word before a name starting at <paramref name="nameStart"/> (determiners skipped) is a
    /// preposition: "by States" is no subject.</summary>
    internal static bool FollowsPreposition(SentenceFacts facts, int nameStart)
    {
        var i = WordBeforeName(facts, nameStart);
        return i >= 0 && Prepositions.Contains(facts.Tokens[i].Surface);
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

    // "on behalf of the Arab Group", and "speaking for the Arab Group", which means the same.
    private static bool IsOnBehalf(SentenceFacts facts, int mentionStart)
    {
        var i = WordBeforeName(facts, mentionStart);
        return i >= 1 && ((facts.Tokens[i].Surface == "of" && facts.Tokens[i - 1].Stem == "behalf")
            || (facts.Tokens[i].Surface == "for" && facts.Tokens[i - 1].Surface.StartsWith("speak", StringComparison.OrdinalIgnoreCase)));
    }
}
