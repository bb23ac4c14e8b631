using NormsGraph.Core.Matching;
using NormsGraph.Core.Text;

namespace NormsGraph.Core.Extraction;

internal readonly record struct ActorMention(int Start, int End, string ActorId, bool IsProcess);

internal readonly record struct TargetMention(string TargetId, bool IsPractice, int Start, MatchSignal Signal = MatchSignal.Phrase);

internal readonly record struct CueMention(int Start, int End, StanceCue Cue);

/// <summary>Everything the matchers found in one sentence, in token positions.</summary>
internal sealed record SentenceFacts(
    Sentence Sentence,
    List<Token> Tokens,
    List<ActorMention> Actors,
    List<TargetMention> Targets,
    List<CueMention> Cues,
    List<PhraseMatch<WordCue>> Words)
{
    public bool Has(WordClass wordClass, int from, int to)
    {
        // Asked many times per sentence: a loop, not a LINQ closure.
        foreach (var w in Words)
        {
            if (w.Payload.Class == wordClass && w.Start >= from && w.End <= to)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a stance or reporting cue starts at token <paramref name="token"/>.</summary>
    public bool CueStartsAt(int token)
    {
        foreach (var cue in Cues)
        {
            if (cue.Start == token)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The first cue that starts at token <paramref name="from"/> or later, stance verbs only when
    /// <paramref name="stanceOnly"/>; default (End 0) when there is none.</summary>
    public CueMention FirstCue(int from, bool stanceOnly = false)
    {
        // Asked of every attributed sentence, with a bound that a LINQ predicate would capture in a closure.
        foreach (var cue in Cues)
        {
            if (cue.Start >= from && !(stanceOnly && cue.Cue.IsReporting))
            {
                return cue;
            }
        }
        return default;
    }

    /// <summary>The text between token <paramref name="left"/> and token <paramref name="right"/>; empty when they
    /// are two tokens of one written word ("cyberspace" is "cyber" + "space") and share their characters.</summary>
    public ReadOnlySpan<char> TextBetween(int left, int right)
    {
        var start = Tokens[left].End;
        return Sentence.Text.AsSpan(start, Math.Max(0, Tokens[right].Start - start));
    }
}
