using NormsGraph.Core.Text;

namespace NormsGraph.Core.Extraction;

/// <summary>
/// Finds who writes a report in its own voice (a press release, a position paper, a blog post), so that its
/// unattributed statements are that author's positions. Two signs, each enough: the title has an actor say
/// something ("WILPF submits views…", "ICRC Position Paper…", "Amnesty seeks a moratorium…"), or one
/// organisation is the speaker of nearly every attributed sentence of the body. A byline or a signature
/// ("— Jane Doe, Ministry of Foreign Affairs") names the author too, but a reporter signs a meeting report the
/// same way: it counts only when the report speaks in the first person ("we call on…") outside quotations.
/// A meeting report ("The Council discusses…", many speakers) has no own-voice author.
/// </summary>
internal static class ReportAuthors
{
    private const int TitleReach = 6;
    private const int MinimumDominantSentences = 3;
    private const double DominantShare = 0.75;

    /// <summary>
    /// The first actor of a title that could speak, which a reference back refers to ("The submission…" in a
    /// report titled "WILPF submits views…"). Weaker than <see cref="FromTitle"/>: the title need not have it speak,
    /// so it answers only references back, never unattributed sentences.
    /// </summary>
    public static IReadOnlyList<string> TitleSubject(SentenceFacts title) =>
        FirstSpeakable(title) is { } actor ? [actor.ActorId] : [];

    /// <summary>The actor a title presents as speaking, or none.</summary>
    public static IReadOnlyList<string> FromTitle(SentenceFacts title, IReadOnlySet<string> statementNouns, IReadOnlySet<string> eventVerbs)
    {
        if (FirstSpeakable(title) is { } actor)
        {
            if (actor.End < title.Tokens.Count && eventVerbs.Contains(title.Tokens[actor.End].Stem))
            {
                return []; // "Security Council Holds Open Debate on Cyber Threats": the body reports the speakers it hosts
            }
            var reach = Math.Min(title.Tokens.Count, actor.End + TitleReach);
            var speaks = title.Cues.Any(c => !c.Cue.IsReporting && c.Start >= actor.End && c.Start < reach)
                || Enumerable.Range(actor.End, reach - actor.End).Any(i => statementNouns.Contains(title.Tokens[i].Stem))
                || IsStatementOf(title, actor, statementNouns);
            return speaks ? [actor.ActorId] : [];
        }
        return [];
    }

    private const int StatementOfReach = 4;

    // "Statement by the Republic of Kenya", "Submission of Brazil", "Remarks from the Delegation of Chile": a statement
    // noun, then "by", "of" or "from" and, a few words on, the actor.
    private static bool IsStatementOf(SentenceFacts title, ActorMention actor, IReadOnlySet<string> statementNouns)
    {
        var linked = false;
        for (var i = actor.Start - 1; i >= Math.Max(0, actor.Start - StatementOfReach); i--)
        {
            var word = title.Tokens[i];
            if (statementNouns.Contains(word.Stem))
            {
                return linked;
            }
            linked |= word.Surface is "by" or "of" or "from";
        }
        return false;
    }

    // "…, Disarmament Chief Tells Security Council": the Council is spoken to.
    private static bool IsAddressee(SentenceFacts title, ActorMention actor)
    {
        var before = AttributionResolver.WordBeforeName(title, actor.Start);
        return before >= 0 && title.Cues.Any(c => c.Cue.TakesAddressee && c.End == before + 1);
    }

    private static ActorMention? FirstSpeakable(SentenceFacts title)
    {
        foreach (var actor in title.Actors)
        {
            if (!actor.IsProcess && actor.ActorId != GraphBuilder.PanelActor && AttributionResolver.CanSpeak(title, actor) && !IsAddressee(title, actor))
            {
                return actor;
            }
        }
        return null;
    }

    private const int MinimumFirstPersonSentences = 2;
    private const int MaximumBylineSpeakers = 2;

    private static readonly HashSet<string> FirstPersonWords = new(StringComparer.Ordinal)
    {
        "we", "We", "our", "Our", "us", "ours", "I", "my", "My",
    };

    /// <summary>The byline's known organisation, else the person it names; none unless the body speaks in its own voice:
    /// in the first person, or in unattributed prescriptions (<paramref name="isOwnPrescription"/>: "States should
    /// finally operationalise the norm…"), which an analyst writes and a reporter does not. The byline is analysed
    /// only when it can count, so a reporter's signature costs nothing. In a report of many speakers (a meeting report,
    /// or an analysis of many states' positions) the writer holds only what is said in the first person:
    /// <paramref name="firstPersonOnly"/>.</summary>
    public static IReadOnlyList<string> FromByline(string? written, IReadOnlyList<SentenceFacts> body, IEnumerable<Attribution> explicitAttributions,
        ReportContext context, Func<string, SentenceFacts> analyze, Func<SentenceFacts, bool> isOwnPrescription, out bool firstPersonOnly)
    {
        firstPersonOnly = false;
        if (string.IsNullOrEmpty(written) || body.Count(s => IsFirstPerson(s) || isOwnPrescription(s)) < MinimumFirstPersonSentences)
        {
            return [];
        }
        firstPersonOnly = explicitAttributions.SelectMany(a => a.ActorIds).Distinct(StringComparer.Ordinal).Count() > MaximumBylineSpeakers;
        var byline = analyze(written);
        var organisation = byline.Actors.FirstOrDefault(a => !a.IsProcess && !a.ActorId.StartsWith(DiscoveredActors.PersonPrefix, StringComparison.Ordinal));
        if (organisation.End > 0)
        {
            return [organisation.ActorId];
        }
        return DiscoveredActors.BylinePerson(byline.Tokens, byline.Sentence.Text, context) is { } person ? [person] : [];
    }

    /// <summary>A sentence in the writer's own voice: a first-person word or the text naming itself ("This paper
    /// argues…"), and no quotation that could hold it.</summary>
    public static bool IsFirstPerson(SentenceFacts facts)
    {
        // Asked of every sentence of most reports: a loop, and the set only for words short enough to be in it.
        foreach (var token in facts.Tokens)
        {
            if (token.Surface.Length <= MaxFirstPersonLength && FirstPersonWords.Contains(token.Surface))
            {
                return facts.Sentence.Text.AsSpan().IndexOfAny(QuotationMarks) < 0;
            }
        }
        return facts.Has(WordClass.SelfReference, 0, facts.Tokens.Count) && facts.Sentence.Text.AsSpan().IndexOfAny(QuotationMarks) < 0;
    }

    private const int MaxFirstPersonLength = 4;

    internal static readonly char[] QuotationMarks = ['"', '\u201C', '\u201D'];

    /// <summary>The one organisation that holds nearly every explicit attribution of the body, or none.</summary>
    private const int MinimumSignatories = 2;

    /// <summary>
    /// The actors a joint statement lists after a label and a colon ("Signatories: Australia, Canada…"), on the
    /// label's line or, one or more a line, on the lines after it ("This statement is endorsed by:" and a list).
    /// </summary>
    public static IReadOnlyList<string> Signatories(IReadOnlyList<SentenceFacts> body)
    {
        bool? firstPerson = null; // counted only when a colon list without a label turns up
        for (var s = 0; s < body.Count; s++)
        {
            var facts = body[s];
            var label = SignatoryLabel(facts);
            // Without a label, a first-person statement's colon followed by names and nothing else lists its
            // signatories too ("The following states join this statement: Australia, Canada…").
            var listStart = label.End > 0 ? label.End : NamesOnlyAfterColon(facts);
            if (label.End == 0 && listStart >= 0 && !(firstPerson ??= body.Count(IsFirstPerson) >= MinimumFirstPersonSentences))
            {
                continue;
            }
            if (listStart < 0)
            {
                continue;
            }
            var listed = Names(facts, listStart);
            for (var next = s + 1; next < body.Count && IsOnlyNames(body[next]); next++)
            {
                listed.AddRange(Names(body[next], 0));
            }
            listed = listed.Distinct(StringComparer.Ordinal).ToList();
            if (listed.Count >= MinimumSignatories)
            {
                return listed;
            }
        }
        return [];
    }

    // Looked for in every sentence of a report without an author in its title: a loop, not a closure per sentence.
    private static PhraseMatch<WordCue> SignatoryLabel(SentenceFacts facts)
    {
        foreach (var word in facts.Words)
        {
            if (word.Payload.Class == WordClass.SignatoryLabel && IsFollowedByColon(facts, word.End))
            {
                return word;
            }
        }
        return default;
    }

    /// <summary>
    /// The actors a first-person sentence names in apposition to its "we" ("We, the governments of Austria,
    /// Belgium and Finland, note…"): a joint statement that says who signs it in its opening words.
    /// </summary>
    public static IReadOnlyList<string> FirstPersonSignatories(IReadOnlyList<SentenceFacts> body)
    {
        foreach (var facts in body)
        {
            if (facts.Tokens.Count < 3 || facts.Tokens[0].Surface != "We" || !facts.TextBetween(0, 1).Contains(','))
            {
                continue;
            }
            if (ListedBeforeVerb(facts) is { Count: >= MinimumSignatories } listed)
            {
                return listed;
            }
        }
        return [];
    }

    // A method of its own: a lambda capturing the verb's position in the loop above allocated its closure for every
    // sentence of the report, before the test that skips nearly all of them.
    private static List<string> ListedBeforeVerb(SentenceFacts facts)
    {
        var verb = facts.Cues.Count > 0 ? facts.Cues[0].Start : facts.Tokens.Count;
        return facts.Actors.Where(a => a.End <= verb && !a.IsProcess).Select(a => a.ActorId).Distinct(StringComparer.Ordinal).ToList();
    }

    // The token after the sentence's last colon when only names follow it (or nothing, the list being on the next
    // lines); -1 otherwise.
    private static int NamesOnlyAfterColon(SentenceFacts facts)
    {
        var tokens = facts.Tokens;
        if (tokens.Count == 0 || !facts.Sentence.Text.Contains(':', StringComparison.Ordinal))
        {
            return -1;
        }
        if (facts.Sentence.Text.AsSpan(tokens[^1].End).Contains(':'))
        {
            return tokens.Count;
        }
        for (var i = tokens.Count - 1; i > 0; i--)
        {
            if (facts.TextBetween(i - 1, i).Contains(':'))
            {
                return AreOnlyNames(facts, i) ? i : -1;
            }
        }
        return -1;
    }

    private static List<string> Names(SentenceFacts facts, int from) =>
        facts.Actors.Where(a => a.Start >= from && !a.IsProcess).Select(a => a.ActorId).ToList();

    private static bool IsFollowedByColon(SentenceFacts facts, int end) =>
        end > 0 && facts.Sentence.Text.AsSpan(facts.Tokens[end - 1].End).TrimStart().StartsWith(":", StringComparison.Ordinal);

    // A list item or a line of a list: names, and nothing but the words that join them.
    /// <summary>Names, and nothing but the words that join them ("Kenya", "Brazil and Chile").</summary>
    public static bool IsOnlyNames(SentenceFacts facts) => AreOnlyNames(facts, 0);

    // Asked of every sentence (is it a speaker's heading?): loops, not closures over the token.
    private static bool AreOnlyNames(SentenceFacts facts, int from)
    {
        if (!HasActorFrom(facts, from))
        {
            return false;
        }
        for (var i = from; i < facts.Tokens.Count; i++)
        {
            if (!InActor(facts, i) && facts.Tokens[i].Surface is not ("and" or "the"))
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasActorFrom(SentenceFacts facts, int from)
    {
        foreach (var actor in facts.Actors)
        {
            if (actor.Start >= from)
            {
                return true;
            }
        }
        return false;
    }

    private static bool InActor(SentenceFacts facts, int token)
    {
        foreach (var actor in facts.Actors)
        {
            if (actor.Start <= token && token < actor.End)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A first-person text in which one organisation, and no other actor, is named as a speaker ("The
    /// Foundation welcomes the opportunity… We urge states…"): a submission or a press release, in its own voice.</summary>
    public static IReadOnlyList<string> SoleSpeakerOfFirstPersonText(IReadOnlyList<SentenceFacts> body, IEnumerable<Attribution> explicitAttributions,
        Func<string, bool> isOrganisation)
    {
        var speakers = explicitAttributions.SelectMany(a => a.ActorIds).Distinct(StringComparer.Ordinal).Take(2).ToList();
        return speakers.Count == 1 && isOrganisation(speakers[0]) && body.Count(IsFirstPerson) >= MinimumFirstPersonSentences ? speakers : [];
    }

    public static IReadOnlyList<string> Dominant(IEnumerable<Attribution> explicitAttributions, Func<string, bool> isOrganisation)
    {
        var holders = explicitAttributions.SelectMany(a => a.ActorIds).ToList();
        if (holders.Count < MinimumDominantSentences)
        {
            return [];
        }
        var top = holders.GroupBy(id => id, StringComparer.Ordinal).OrderByDescending(g => g.Count()).First();
        return top.Count() >= MinimumDominantSentences && top.Count() >= DominantShare * holders.Count && isOrganisation(top.Key)
            ? [top.Key]
            : [];
    }
}
