using NormsGraph.Core.Domain;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Text;

namespace NormsGraph.Core.Extraction;

/// <summary>Runs every matcher over one sentence and resolves overlapping names.</summary>
internal sealed class SentenceAnalyzer(ExtractionIndex index)
{
    public SentenceFacts Analyze(Sentence sentence, int baseOffset, ReportContext context) =>
        Analyze(sentence with { Start = sentence.Start + baseOffset }, Tokenizer.Tokenize(sentence.Text), context);

    /// <summary>Tokens [<paramref name="from"/>, <paramref name="to"/>) of an analysed sentence read as a sentence of
    /// their own (one clause of it); the evidence stays the whole sentence.</summary>
    public SentenceFacts AnalyzePart(SentenceFacts whole, int from, int to, ReportContext context) =>
        Analyze(whole.Sentence, whole.Tokens.GetRange(from, to - from), context);

    private SentenceFacts Analyze(Sentence sentence, List<Token> tokens, ReportContext context)
    {
        // Found in the thread's list, kept in one made at the size they can reach: a list grown as the matches came
        // was regrown two or three times for most sentences.
        var found = _wordMatches ??= [];
        found.Clear();
        index.Words.FindAll(tokens, found);
        var words = new List<PhraseMatch<WordCue>>(found.Count);
        foreach (var word in found)
        {
            if (IsWrittenAs(word, tokens))
            {
                words.Add(word);
            }
        }
        var actors = FindActors(tokens, sentence.Text, context);
        var stanceMatches = _stanceMatches ??= [];
        stanceMatches.Clear();
        index.Stances.FindAll(tokens, stanceMatches);
        var stances = LongestFirst(stanceMatches);
        var cues = new List<CueMention>(stances.Count);
        foreach (var m in stances)
        {
            // "…the Ad Hoc Committee to Elaborate a Comprehensive…": a verb inside a name is no stance of the sentence.
            if (!InsideName(m.Start, m.End, actors))
            {
                cues.Add(new CueMention(m.Start, m.End, m.Payload));
            }
        }
        return new SentenceFacts(sentence, tokens, actors, FindTargets(tokens, actors), cues, words);
    }

    // Every sentence goes through here, so the steps below are loops over lists rather than LINQ chains: the
    // closures and iterators of those were a large share of what extraction allocated.

    // Function words match as written: the stem of "its" is "it", of "May" is "may".
    private static bool IsWrittenAs(PhraseMatch<WordCue> match, List<Token> tokens)
    {
        if (match.Payload.Class is WordClass.NewIdea or WordClass.PassivePropose or WordClass.Implementation or WordClass.Harm or WordClass.Retrospective)
        {
            return true; // verbs and adjectives: inflections welcome
        }
        return IsWritten(tokens, match.Start, match.End, match.Payload.Surface)
            && (match.Payload.Class != WordClass.Hedge || char.IsLower(tokens[match.Start].Surface[0]));
    }

    // The tokens' surfaces joined by single spaces equal `surface`, case aside (without building the joined string).
    private static bool IsWritten(List<Token> tokens, int start, int end, string surface)
    {
        var at = 0;
        for (var i = start; i < end; i++)
        {
            if (i > start)
            {
                if (at >= surface.Length || surface[at] != ' ')
                {
                    return false;
                }
                at++;
            }
            var word = tokens[i].Surface;
            if (surface.Length - at < word.Length || !surface.AsSpan(at, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            at += word.Length;
        }
        return at == surface.Length;
    }

    // The raw matches of the sentence being analysed, in lists reused by the thread: each is read only until the
    // sentence's cues and actors are built from it, and a new list per sentence was regrown as matches came.
    [ThreadStatic]
    private static List<PhraseMatch<WordCue>>? _wordMatches;

    [ThreadStatic]
    private static List<PhraseMatch<StanceCue>>? _stanceMatches;

    [ThreadStatic]
    private static List<PhraseMatch<ActorAlias>>? _actorMatches;

    private List<ActorMention> FindActors(List<Token> tokens, string sentence, ReportContext context)
    {
        var found = _actorMatches ??= [];
        found.Clear();
        index.Actors.FindAll(tokens, found);
        var kept = 0;
        for (var i = 0; i < found.Count; i++)
        {
            if (IsValidName(found[i], tokens))
            {
                found[kept++] = found[i];
            }
        }
        found.RemoveRange(kept, found.Count - kept);
        AddCollectiveMentions(tokens, found);
        AddChairMentions(tokens, found);
        var curated = OnePerSpan(found, context.Date);
        // A discovered name never cuts into a known one. It may wrap one that it is about ("the Media Foundation
        // for West Africa", "the Permanent Mission of Chile"), but a name that starts with a known actor is a
        // body of it ("African Union Commission on…", "EU Cyber Direct"): the known actor speaks. A headline
        // in title case capitalises every word, so only people with a courtesy title are discovered there.
        var curatedCount = curated.Count;
        var nameMayOpen = !curated.Exists(c => c.Start == 0);
        foreach (var d in DiscoveredActors.Find(tokens, sentence, index, context, peopleOnly: IsHeadline(tokens, sentence), nameMayOpen))
        {
            if (!CutsIntoKnown(d, curated, curatedCount))
            {
                curated.Add(d);
            }
        }
        AddHeadReferences(tokens, curated, context);
        var chosen = LongestFirst(curated);
        var actors = new List<ActorMention>(chosen.Count);
        foreach (var m in chosen)
        {
            actors.Add(new ActorMention(m.Start, m.End, m.Payload.ActorId, m.Payload.IsProcess));
        }
        return actors;
    }

    // "The Paris Call … The Call asks its supporters…", "the Cybersecurity Tech Accord … the Accord": a name's head
    // noun after "the" refers back to the last named body whose name it heads. Names of states are left out ("the
    // States" is not the United States), and so is "the Chair", which has its own reading.
    private void AddHeadReferences(List<Token> tokens, List<PhraseMatch<ActorAlias>> found, ReportContext context)
    {
        var named = found.Count;
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].IsCapitalised && context.ActorsByHead.TryGetValue(tokens[i].Surface, out var alias)
                && string.Equals(tokens[i - 1].Surface, "the", StringComparison.OrdinalIgnoreCase) && !Covered(found, named, i))
            {
                found.Add(new PhraseMatch<ActorAlias>(i - 1, i + 1, alias));
            }
        }
        for (var m = 0; m < named; m++)
        {
            if (Head(tokens, found[m]) is { } head && !index.ChairWords.Contains(tokens[head].Surface)
                && !(index.Taxonomy.ActorsById.TryGetValue(found[m].Payload.ActorId, out var entry) && entry.Actor.Type == ActorType.State))
            {
                context.ActorsByHead[tokens[head].Surface] = found[m].Payload;
            }
        }
    }

    // The last capitalised word of a name of two words or more before its first lowercase word: "Call" in "Paris
    // Call", "Commission" in "Global Commission on the Stability of Cyberspace"; none for a name of one word.
    private static int? Head(List<Token> tokens, PhraseMatch<ActorAlias> match)
    {
        var last = match.Start;
        while (last + 1 < match.End && tokens[last + 1].IsCapitalised)
        {
            last++;
        }
        return last > match.Start ? last : null;
    }

    private static bool Covered(List<PhraseMatch<ActorAlias>> found, int count, int token)
    {
        for (var i = 0; i < count; i++)
        {
            if (found[i].Start <= token && token < found[i].End)
            {
                return true;
            }
        }
        return false;
    }

    // Whether discovered name `d` overlaps one of the first `count` (curated) names other than by wrapping it.
    private static bool CutsIntoKnown(PhraseMatch<ActorAlias> d, List<PhraseMatch<ActorAlias>> curated, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var c = curated[i];
            if (c.Start < d.End && d.Start < c.End && !(d.Start < c.Start && c.End <= d.End && !IsPerson(d)))
            {
                return true;
            }
        }
        return false;
    }

    // Matches of one span, in the order the span is first met (what GroupBy gave), each span resolved to one actor.
    private List<PhraseMatch<ActorAlias>> OnePerSpan(List<PhraseMatch<ActorAlias>> found, DateOnly? reportDate)
    {
        var chosen = new List<PhraseMatch<ActorAlias>>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            if (IndexOfSpan(found, found[i], 0, i) >= 0)
            {
                continue; // this span was resolved at its first match
            }
            if (IndexOfSpan(found, found[i], i + 1, found.Count) < 0)
            {
                chosen.Add(found[i]);
                continue;
            }
            var sameSpan = new List<PhraseMatch<ActorAlias>>();
            for (var j = i; j < found.Count; j++)
            {
                if (found[j].Start == found[i].Start && found[j].End == found[i].End)
                {
                    sameSpan.Add(found[j]);
                }
            }
            chosen.Add(ChooseRound(sameSpan, reportDate));
        }
        return chosen;
    }

    private static int IndexOfSpan(List<PhraseMatch<ActorAlias>> matches, PhraseMatch<ActorAlias> like, int from, int to)
    {
        for (var j = from; j < to; j++)
        {
            if (matches[j].Start == like.Start && matches[j].End == like.End)
            {
                return j;
            }
        }
        return -1;
    }

    // A known name inside a titled person ("Chief Legal Officer Brad Smith") is that person's curated entry.
    private static bool IsPerson(PhraseMatch<ActorAlias> match) =>
        match.Payload.ActorId.StartsWith(DiscoveredActors.PersonPrefix, StringComparison.Ordinal);

    private const double TitleCaseShare = 0.75;

    private static readonly char[] HeadlineTrailers = [' ', '"', '\'', '”', '’', ')'];

    // A headline: no closing punctuation, and nearly every word capitalised.
    private static bool IsHeadline(List<Token> tokens, string sentence)
    {
        if (sentence.AsSpan().TrimEnd(HeadlineTrailers).EndsWith('.'))
        {
            return false;
        }
        var words = tokens.Count(t => t.Surface.Length > 3 && char.IsLetter(t.Surface[0]));
        return words >= 4 && tokens.Count(t => t.Surface.Length > 3 && char.IsUpper(t.Surface[0])) >= TitleCaseShare * words;
    }

    // Several rounds of one process share a name ("OEWG"): the report's date picks the round.
    private PhraseMatch<ActorAlias> ChooseRound(List<PhraseMatch<ActorAlias>> sameSpan, DateOnly? reportDate)
    {
        var processes = sameSpan.Where(m => m.Payload.IsProcess).Select(m => m.Payload.ActorId).Distinct().ToList();
        if (processes.Count < 2)
        {
            return sameSpan[0];
        }
        var chosen = ProcessResolver.Choose(processes, index.Taxonomy, reportDate);
        return sameSpan.First(m => m.Payload.ActorId == chosen);
    }

    // "The Chair noted…", "the zero draft recommends…": the chair of the report's process, or a document of
    // the chair (recorded as an alias). "The chair of the African Group" is the group's speaker role instead.
    private void AddChairMentions(List<Token> tokens, List<PhraseMatch<ActorAlias>> found)
    {
        foreach (var document in index.ChairDocuments.FindAll(tokens))
        {
            found.Add(new PhraseMatch<ActorAlias>(document.Start, document.End,
                new ActorAlias(GraphBuilder.ChairActor + document.Payload, IsProcess: false, IsDemonym: false, null)));
        }
        for (var i = 1; i < tokens.Count; i++)
        {
            // The cheap tests first: the case-insensitive set lookup would otherwise run for every token.
            if (tokens[i].IsCapitalised && string.Equals(tokens[i - 1].Surface, "the", StringComparison.OrdinalIgnoreCase)
                && index.ChairWords.Contains(tokens[i].Surface)
                && (i + 1 == tokens.Count || tokens[i + 1].Surface is not ("of" or "for")))
            {
                found.Add(new PhraseMatch<ActorAlias>(i - 1, i + 1, ChairAlias));
            }
        }
    }

    // "the panel of experts", "opening the panel discussion": the panel is not the one speaking.
    private static readonly HashSet<string> PanelModifies = new(
        new[] { "of", "discussion", "session", "debate", "event", "segment", "format", "member", "moderator", "topic" }
            .Select(w => Tokenizer.Stems(w)[0]), StringComparer.Ordinal);

    // "The panel" speaks for a session's speakers as a whole; it is an actor of that event only.
    private static readonly ActorAlias ChairAlias = new(GraphBuilder.ChairActor, IsProcess: false, IsDemonym: false, null);
    private static readonly ActorAlias PanelAlias = new(GraphBuilder.PanelActor, IsProcess: false, IsDemonym: false, null);

    private static void AddCollectiveMentions(List<Token> tokens, List<PhraseMatch<ActorAlias>> found)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Stem is "panel" or "panelist" or "panellist"
                && string.Equals(tokens[i - 1].Surface, "the", StringComparison.OrdinalIgnoreCase)
                && (i + 1 == tokens.Count || !PanelModifies.Contains(tokens[i + 1].Stem)))
            {
                found.Add(new PhraseMatch<ActorAlias>(i - 1, i + 1, PanelAlias));
            }
        }
    }

    private bool IsValidName(PhraseMatch<ActorAlias> match, List<Token> tokens)
    {
        var alias = match.Payload;
        if (alias.IsDemonym)
        {
            return tokens[match.Start].IsCapitalised && match.End < tokens.Count && index.IsDemonymHead(tokens[match.End]);
        }
        if (alias.RequiredSurfaces is { } surfaces)
        {
            for (var i = 0; i < surfaces.Length; i++)
            {
                if (!WrittenAs(tokens[match.Start + i].Surface, surfaces[i]))
                {
                    return false;
                }
            }
            return true;
        }
        return tokens[match.Start].IsCapitalised && WrittenAlike(match, tokens);
    }

    // A short name written exactly, or as its possessive ("Cuba's delegate", "Laos’ position").
    private static bool WrittenAs(string surface, string name) =>
        surface.StartsWith(name, StringComparison.Ordinal)
        && surface.AsSpan(name.Length) is "" or "'s" or "\u2019s" or "'" or "\u2019";

    private const int MaxInflectionLength = 2;

    // A stem match may fold an inflection or a spelling ("Nations", "Organization"), not a longer word.
    private static bool WrittenAlike(PhraseMatch<ActorAlias> match, List<Token> tokens)
    {
        if (match.Payload.WrittenLengths is not { } lengths)
        {
            return true;
        }
        for (var i = 0; i < lengths.Length && match.Start + i < tokens.Count; i++)
        {
            if (Math.Abs(tokens[match.Start + i].Surface.Length - lengths[i]) > MaxInflectionLength)
            {
                return false;
            }
        }
        return true;
    }

    // Leftmost-longest, without overlaps: "Human Rights Council" wins over a shorter name inside it.
    private static List<PhraseMatch<T>> LongestFirst<T>(List<PhraseMatch<T>> matches)
    {
        var chosen = new List<PhraseMatch<T>>(matches.Count);
        var coveredUntil = -1;
        foreach (var match in ByStartThenLongest(matches))
        {
            if (match.Start < coveredUntil)
            {
                continue;
            }
            chosen.Add(match);
            coveredUntil = match.End;
        }
        return chosen;
    }

    private const int InsertionSortLimit = 32;

    // Ordered by start, the longer of two matches at one start first, ties in their original order (a stable
    // sort, as OrderBy is). Sentences have a handful of matches: an insertion sort in place is cheapest.
    private static List<PhraseMatch<T>> ByStartThenLongest<T>(List<PhraseMatch<T>> matches)
    {
        if (matches.Count > InsertionSortLimit)
        {
            return matches.OrderBy(m => m.Start).ThenByDescending(m => m.End).ToList();
        }
        for (var i = 1; i < matches.Count; i++)
        {
            var item = matches[i];
            var j = i - 1;
            while (j >= 0 && (matches[j].Start > item.Start || (matches[j].Start == item.Start && matches[j].End < item.End)))
            {
                matches[j + 1] = matches[j];
                j--;
            }
            matches[j + 1] = item;
        }
        return matches;
    }

    private List<TargetMention> FindTargets(List<Token> tokens, List<ActorMention> actors)
    {
        // One mention per target, in the order the targets are first met, then ordered by start (stably): a
        // sentence names a handful of targets, so a list searched in place does what a dictionary would.
        var found = new List<TargetMention>();
        var hits = _targetHits ??= [];
        hits.Clear();
        index.Targets.AddAll(tokens, hits);
        CoordinatedModifiers.AddAll(index.Targets, tokens, hits);
        foreach (var hit in hits)
        {
            if (IsInsideLongerPhrase(hit, hits) || IsInsideName(hit, actors))
            {
                continue;
            }
            // A plain mention of the principle beats a mention of the practice it stands against; a phrase
            // beats a co-occurrence group, which the matcher lists last, unless the group holds the practice
            // ("urged a moratorium on the sale of spyware": the moratorium, not the spyware).
            var at = IndexOfTarget(found, hit.TargetId);
            if (at < 0)
            {
                found.Add(new TargetMention(hit.TargetId, hit.IsPractice, hit.Start, hit.Signal));
            }
            else if (found[at].IsPractice && !hit.IsPractice
                     && (hit.Signal != MatchSignal.Cooccurrence || (hit.Start <= found[at].Start && found[at].Start < hit.End)))
            {
                found[at] = new TargetMention(hit.TargetId, hit.IsPractice, hit.Start, hit.Signal);
            }
        }
        for (var i = 1; i < found.Count; i++)
        {
            var item = found[i];
            var j = i - 1;
            while (j >= 0 && found[j].Start > item.Start)
            {
                found[j + 1] = found[j];
                j--;
            }
            found[j + 1] = item;
        }
        return found;
    }

    // The hits of the sentence being analysed, in a list reused by the thread (only this method reads them).
    [ThreadStatic]
    private static List<PhraseHit>? _targetHits;

    private static int IndexOfTarget(List<TargetMention> found, string targetId)
    {
        for (var i = 0; i < found.Count; i++)
        {
            if (string.Equals(found[i].TargetId, targetId, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    // "The Special Rapporteur on the right to privacy warned…": words of a speaker's name are not its subject.
    // A process is the exception when its name is the target ("the Programme of Action", "the UN PoA"), not when
    // the target is a small part of a long name ("the Ad Hoc Committee to Elaborate a Comprehensive International
    // Convention on…" names a body, not a treaty anyone backs).
    private static bool IsInsideName(PhraseHit hit, List<ActorMention> actors)
    {
        foreach (var actor in actors)
        {
            if (actor.Start <= hit.Start && hit.End <= actor.End
                && (!actor.IsProcess || 2 * (hit.End - hit.Start) < actor.End - actor.Start))
            {
                return true;
            }
        }
        return false;
    }

    // Whether tokens [start, end) lie inside a name of two words or more.
    private static bool InsideName(int start, int end, List<ActorMention> actors)
    {
        foreach (var actor in actors)
        {
            if (actor.End - actor.Start > 1 && actor.Start <= start && end <= actor.End)
            {
                return true;
            }
        }
        return false;
    }

    // The words of a longer phrase of another target belong to that target: "a Digital Geneva Convention" is a
    // new treaty, not the Geneva Conventions; "protect critical infrastructure from cyber attacks" does not also
    // satisfy the co-occurrence group "critical infrastructure + protect" of the other infrastructure norm; and
    // "attribution" inside the practice "politicisation of attribution" is not the principle.
    private static bool IsInsideLongerPhrase(PhraseHit hit, List<PhraseHit> hits)
    {
        foreach (var other in hits)
        {
            if (other.Signal != MatchSignal.Cooccurrence && (other.TargetId != hit.TargetId || (other.IsPractice && !hit.IsPractice))
                && other.Start <= hit.Start && other.End >= hit.End && other.End - other.Start > hit.End - hit.Start)
            {
                return true;
            }
        }
        return false;
    }
}
