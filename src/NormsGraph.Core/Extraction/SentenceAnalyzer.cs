using NormsGraph.Core.Matching;
using NormsGraph.Core.Text;

namespace NormsGraph.Core.Extraction;

/// <summary>Runs every matcher over one sentence and resolves overlapping names.</summary>
internal sealed class SentenceAnalyzer(ExtractionIndex index)
{
    public SentenceFacts Analyze(Sentence sentence, int baseOffset, ReportContext context)
    {
        var tokens = Tokenizer.Tokenize(sentence.Text);
        return new SentenceFacts(
            sentence with { Start = sentence.Start + baseOffset },
            tokens,
            FindActors(tokens, sentence.Text, context),
            FindTargets(tokens),
            LongestFirst(index.Stances.FindAll(tokens)).Select(m => new CueMention(m.Start, m.End, m.Payload)).ToList(),
            index.Words.FindAll(tokens).Where(w => IsWrittenAs(w, tokens)).ToList());
    }

    // Function words match as written: the stem of "its" is "it", of "May" is "may".
    private static bool IsWrittenAs(PhraseMatch<WordCue> match, List<Token> tokens)
    {
        if (match.Payload.Class is WordClass.NewIdea or WordClass.PassivePropose or WordClass.Implementation or WordClass.Harm)
        {
            return true; // verbs and adjectives: inflections welcome
        }
        var written = string.Join(' ', tokens[match.Start..match.End].Select(t => t.Surface));
        return string.Equals(written, match.Payload.Surface, StringComparison.OrdinalIgnoreCase)
            && (match.Payload.Class != WordClass.Hedge || char.IsLower(tokens[match.Start].Surface[0]));
    }

    private List<ActorMention> FindActors(List<Token> tokens, string sentence, ReportContext context)
    {
        var curated = index.Actors.FindAll(tokens).Where(m => IsValidName(m, tokens))
            .Concat(CollectiveMentions(tokens))
            .Concat(ChairMentions(tokens))
            .GroupBy(m => (m.Start, m.End))
            .Select(g => ChooseRound(g.ToList(), context.Date))
            .ToList();
        // A discovered name never cuts into a known one. It may wrap one that it is about ("the Media Foundation
        // for West Africa", "the Permanent Mission of Chile"), but a name that starts with a known actor is a
        // body of it ("African Union Commission on…", "EU Cyber Direct"): the known actor speaks. A headline
        // in title case capitalises every word, so nothing is discovered there.
        var discovered = IsHeadline(tokens, sentence)
            ? []
            : DiscoveredActors.Find(tokens, sentence, index, context)
                .Where(d => !curated.Any(c => c.Start < d.End && d.Start < c.End && !(d.Start < c.Start && c.End <= d.End && !IsPerson(d))))
                .ToList();
        return LongestFirst(curated.Concat(discovered))
            .Select(m => new ActorMention(m.Start, m.End, m.Payload.ActorId, m.Payload.IsProcess))
            .ToList();
    }

    // A known name inside a titled person ("Chief Legal Officer Brad Smith") is that person's curated entry.
    private static bool IsPerson(PhraseMatch<ActorAlias> match) =>
        match.Payload.ActorId.StartsWith(DiscoveredActors.PersonPrefix, StringComparison.Ordinal);

    private const double TitleCaseShare = 0.75;

    // A headline: no closing punctuation, and nearly every word capitalised.
    private static bool IsHeadline(List<Token> tokens, string sentence)
    {
        if (sentence.TrimEnd(' ', '"', '\'', '”', '’', ')').EndsWith('.'))
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
    private IEnumerable<PhraseMatch<ActorAlias>> ChairMentions(List<Token> tokens)
    {
        foreach (var document in index.ChairDocuments.FindAll(tokens))
        {
            yield return new PhraseMatch<ActorAlias>(document.Start, document.End,
                new ActorAlias(GraphBuilder.ChairActor + document.Payload, IsProcess: false, IsDemonym: false, null));
        }
        for (var i = 1; i < tokens.Count; i++)
        {
            if (index.ChairWords.Contains(tokens[i].Surface) && tokens[i].IsCapitalised
                && string.Equals(tokens[i - 1].Surface, "the", StringComparison.OrdinalIgnoreCase)
                && (i + 1 == tokens.Count || tokens[i + 1].Surface is not ("of" or "for")))
            {
                yield return new PhraseMatch<ActorAlias>(i - 1, i + 1, new ActorAlias(GraphBuilder.ChairActor, IsProcess: false, IsDemonym: false, null));
            }
        }
    }

    // "the panel of experts", "opening the panel discussion": the panel is not the one speaking.
    private static readonly HashSet<string> PanelModifies = new(
        new[] { "of", "discussion", "session", "debate", "event", "segment", "format", "member", "moderator", "topic" }
            .Select(w => Tokenizer.Stems(w)[0]), StringComparer.Ordinal);

    // "The panel" speaks for a session's speakers as a whole; it is an actor of that event only.
    private static IEnumerable<PhraseMatch<ActorAlias>> CollectiveMentions(List<Token> tokens)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Stem is "panel" or "panelist" or "panellist"
                && string.Equals(tokens[i - 1].Surface, "the", StringComparison.OrdinalIgnoreCase)
                && (i + 1 == tokens.Count || !PanelModifies.Contains(tokens[i + 1].Stem)))
            {
                yield return new PhraseMatch<ActorAlias>(i - 1, i + 1, new ActorAlias(GraphBuilder.PanelActor, IsProcess: false, IsDemonym: false, null));
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
                if (!string.Equals(tokens[match.Start + i].Surface, surfaces[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }
        return tokens[match.Start].IsCapitalised && WrittenAlike(match, tokens);
    }

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
    private static List<PhraseMatch<T>> LongestFirst<T>(IEnumerable<PhraseMatch<T>> matches)
    {
        var chosen = new List<PhraseMatch<T>>();
        var coveredUntil = -1;
        foreach (var match in matches.OrderBy(m => m.Start).ThenByDescending(m => m.End))
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

    private List<TargetMention> FindTargets(List<Token> tokens)
    {
        var found = new Dictionary<string, TargetMention>(StringComparer.Ordinal);
        foreach (var hit in index.Targets.FindAll(tokens))
        {
            // A plain mention of the principle beats a mention of the practice it stands against; a phrase
            // beats a co-occurrence group, which the matcher lists last.
            if (!found.TryGetValue(hit.TargetId, out var existing) || (existing.IsPractice && !hit.IsPractice && hit.Signal != MatchSignal.Cooccurrence))
            {
                found[hit.TargetId] = new TargetMention(hit.TargetId, hit.IsPractice, hit.Start, hit.Signal);
            }
        }
        return found.Values.OrderBy(t => t.Start).ToList();
    }
}
