using NormsGraph.Core.Domain;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Text;

namespace NormsGraph.Core.Extraction;

/// <summary>
/// What a sentence that names no target may still be about. "Uruguay and Costa Rica backed that position" takes
/// up the position of the sentence before; "…proposed that drafting of such an instrument begin" names again the
/// nearest earlier target whose own wording has the noun "instrument". One per report, fed sentence by sentence.
/// </summary>
internal sealed class TargetReferences(ExtractionIndex index)
{
    // How far back a reference reaches, in sentences (clauses read on their own count as sentences).
    private const int Lookback = 3;

    // Words a determiner may stand before its noun ("such a binding instrument", "that common position").
    private const int NounReach = 3;

    // Tokens between the governing verb and the determiner ("proposed that drafting of such an instrument").
    private const int DeterminerReach = 4;

    private readonly List<(int Sentence, string TargetId)> _mentions = [];
    private (int Sentence, IReadOnlyList<TargetStance> Positions) _lastPositions = (-Lookback - 1, []);
    private readonly Dictionary<string, (int Sentence, IReadOnlyList<TargetStance> Positions)> _byHolder = new(StringComparer.Ordinal);

    /// <summary>Records the targets sentence <paramref name="sentence"/> names, whether or not anyone takes a stance.</summary>
    public void Saw(int sentence, SentenceFacts facts)
    {
        // Fed every sentence: a loop that skips, not a Where iterator.
        foreach (var target in facts.Targets)
        {
            if (!target.IsPractice)
            {
                _mentions.Add((sentence, target.TargetId));
            }
        }
    }

    /// <summary>Records the positions <paramref name="holders"/> took in sentence <paramref name="sentence"/>.</summary>
    public void Took(int sentence, IReadOnlyList<string> holders, IReadOnlyList<TargetStance> positions)
    {
        if (positions.Count == 0)
        {
            return;
        }
        _lastPositions = (sentence, positions);
        foreach (var holder in holders)
        {
            _byHolder[holder] = (sentence, positions);
        }
    }

    /// <summary>
    /// The targets the description after the governing <paramref name="cue"/> refers to, as mentions at the noun, each
    /// with the stance of the position it takes up (null for a target named again, whose stance the sentence gives).
    /// </summary>
    public IReadOnlyList<(TargetMention Mention, Stance? Earlier)> Resolve(int sentence, SentenceFacts facts, CueMention cue)
    {
        if (Pronoun(facts, cue) is { } pronoun)
        {
            // "Russia opposed it": the target last named; "Ghana echoed this": the position taken in the sentence
            // just before. A pronoun reaches no further back than that sentence.
            return index.ReferenceDeterminers.Contains(facts.Tokens[pronoun].Surface)
                ? (sentence - _lastPositions.Sentence == 1 ? TakenUp(pronoun) : [])
                : LastNamed(sentence, pronoun, _ => true, reach: 1);
        }
        if (NamedHolder(facts, cue) is { } holder)
        {
            // "Latvia sided with Estonia", "India aligned itself with Brazil's remarks": the named speaker's last
            // positions, when they are recent.
            return _byHolder.TryGetValue(holder.ActorId, out var held) && held.Sentence < sentence && sentence - held.Sentence <= Lookback
                ? held.Positions.Select(p => (new TargetMention(p.TargetId, false, holder.Start, MatchSignal.Reference), (Stance?)p.Stance)).ToList()
                : [];
        }
        if (FindNoun(facts, cue) is not { } noun)
        {
            // "Belarus and Nicaragua concurred.", "Switzerland disagreed, arguing…": a verb with no object at all
            // takes up the position of the sentence just before, as a pronoun would.
            return HasNoObject(facts, cue) && sentence - _lastPositions.Sentence == 1 ? TakenUp(cue.Start) : [];
        }
        var stem = facts.Tokens[noun].Stem;
        return index.PositionNouns.Contains(stem) && sentence - _lastPositions.Sentence <= Lookback ? TakenUp(noun)
            : index.ReferenceNouns.Contains(stem) ? LastNamed(sentence, noun, words => words.Contains(stem), Lookback)
            : [];
    }

    private List<(TargetMention Mention, Stance? Earlier)> TakenUp(int at) =>
        _lastPositions.Positions.Select(p => (new TargetMention(p.TargetId, false, at, MatchSignal.Reference), (Stance?)p.Stance)).ToList();

    private List<(TargetMention Mention, Stance? Earlier)> LastNamed(int sentence, int at, Func<IReadOnlySet<string>, bool> fits, int reach = Lookback)
    {
        for (var i = _mentions.Count - 1; i >= 0 && sentence - _mentions[i].Sentence <= reach; i--)
        {
            if (_mentions[i].Sentence < sentence && index.TargetWords.TryGetValue(_mentions[i].TargetId, out var words) && fits(words))
            {
                return [(new TargetMention(_mentions[i].TargetId, false, at, MatchSignal.Reference), null)];
            }
        }
        return [];
    }

    // "…opposed it, arguing…", "…echoed this and…": a pronoun right after the verb that ends its phrase.
    private int? Pronoun(SentenceFacts facts, CueMention cue)
    {
        var at = cue.End;
        if (at >= facts.Tokens.Count || !(index.ObjectPronouns.Contains(facts.Tokens[at].Surface) || index.ReferenceDeterminers.Contains(facts.Tokens[at].Surface)))
        {
            return null;
        }
        var ends = BreaksBefore(facts, at + 1) || facts.Tokens[at + 1].Surface is "and" or "but" or "as";
        return ends ? at : null;
    }

    // The sentence ends before token `next`, or clause punctuation stands between it and the token before.
    private static bool BreaksBefore(SentenceFacts facts, int next) =>
        next >= facts.Tokens.Count || facts.TextBetween(next - 1, next).IndexOfAny([',', ';', ':', '.']) >= 0;

    // A word that starts another clause after a phrase that has ended.
    private static bool OpensClause(Token token) => token.Surface is "and" or "but" or "while" or "whereas";

    private const int HolderReach = 3;

    // "sided with Estonia", "aligned itself with Brazil's remarks", "echoed the United Kingdom": an alignment verb,
    // a few linking words, then a speaker whose phrase ends there or goes on with the noun of a position.
    private ActorMention? NamedHolder(SentenceFacts facts, CueMention cue)
    {
        if (!index.AlignmentVerbs.Contains(facts.Tokens[cue.Start].Stem))
        {
            return null;
        }
        foreach (var actor in facts.Actors)
        {
            if (actor.Start < cue.End)
            {
                continue;
            }
            if (actor.Start - cue.End > HolderReach || facts.TextBetween(cue.End - 1, actor.Start).IndexOfAny([',', ';', ':', '.', '(']) >= 0)
            {
                return null;
            }
            for (var i = cue.End; i < actor.Start; i++)
            {
                if (facts.Tokens[i].Surface is not ("with" or "itself" or "themselves" or "the" or "of" or "to"))
                {
                    return null;
                }
            }
            return EndsPhrase(facts, actor.End) ? actor : null;
        }
        return null;
    }

    // Nothing after the name, clause punctuation, a word that opens another clause, or the noun of a position.
    private bool EndsPhrase(SentenceFacts facts, int after) =>
        BreaksBefore(facts, after) || OpensClause(facts.Tokens[after]) || facts.Tokens[after].Surface is "on" or "in"
        || index.PositionNouns.Contains(facts.Tokens[after].Stem);

    // A finished verb ("agreed", "concurred", "disagreed") that ends its phrase: the sentence or the clause stops
    // there, or another clause begins. Adjectives and nouns among the cues ("essential,", "support,") do not qualify.
    internal static bool HasNoObject(SentenceFacts facts, CueMention cue)
    {
        if (!facts.Tokens[cue.End - 1].Surface.EndsWith("ed", StringComparison.Ordinal) || IsRelative(facts, cue.Start))
        {
            return false;
        }
        return BreaksBefore(facts, cue.End) || OpensClause(facts.Tokens[cue.End]);
    }

    // "…the Paris Call, which many of the same governments endorsed, …": the verb's object is the relative word.
    private static bool IsRelative(SentenceFacts facts, int verb)
    {
        for (var i = verb - 1; i >= 0 && facts.TextBetween(i, i + 1).IndexOfAny([',', ';', ':']) < 0; i--)
        {
            if (facts.Tokens[i].Surface is "which" or "that" or "whom" or "what")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The speaker's stance on a position it takes up: backing a stance repeats it, opposing a backing opposes the
    /// target; opposing an opposition says too little to tell.
    /// </summary>
    public static Stance? Combine(Stance earlier, Stance now) => (earlier, now) switch
    {
        (Stance.Support or Stance.Propose, Stance.Support) => Stance.Support,
        (Stance.Support or Stance.Propose, Stance.Oppose or Stance.Concern) => now,
        (Stance.Oppose or Stance.Concern, Stance.Support) => earlier,
        _ => null,
    };

    // A determiner soon after the verb, then within a few words a noun, in the same phrase: "backed that
    // position", "proposed that drafting of such an instrument begin".
    private int? FindNoun(SentenceFacts facts, CueMention cue)
    {
        var tokens = facts.Tokens;
        for (var d = cue.End; d < Math.Min(tokens.Count, cue.End + DeterminerReach); d++)
        {
            if (d > cue.End && facts.TextBetween(d - 1, d).IndexOfAny([',', ';', ':']) >= 0)
            {
                return null;
            }
            // "stressed that the programme…": a "that" before an article opens a clause; it points at nothing.
            if (!index.ReferenceDeterminers.Contains(tokens[d].Surface) || (tokens[d].Surface == "that" && d + 1 < tokens.Count && tokens[d + 1].Surface is "the" or "a" or "an"))
            {
                continue;
            }
            for (var n = d + 1; n < Math.Min(tokens.Count, d + 1 + NounReach); n++)
            {
                if (facts.TextBetween(n - 1, n).IndexOfAny([',', ';', ':', '(']) >= 0 || tokens[n].IsCapitalised)
                {
                    break;
                }
                if (index.PositionNouns.Contains(tokens[n].Stem) || index.ReferenceNouns.Contains(tokens[n].Stem))
                {
                    return HasOwnComplement(facts, n) ? null : n;
                }
            }
        }
        return null;
    }

    private const int ComplementReach = 3;

    // "the view that…", "the position of the EU", "the statement made by the ICRC": a noun with content or an
    // author of its own refers to nothing earlier.
    private static bool HasOwnComplement(SentenceFacts facts, int noun)
    {
        var next = noun + 1 < facts.Tokens.Count ? facts.Tokens[noun + 1].Surface : "";
        var byAfter = noun + 2 < facts.Tokens.Count && facts.Tokens[noun + 2].Surface == "by";
        return next is "that" or "of" or "by" or "on" or "about" || byAfter
            || facts.Actors.Any(a => a.Start > noun && a.Start <= noun + ComplementReach);
    }
}
