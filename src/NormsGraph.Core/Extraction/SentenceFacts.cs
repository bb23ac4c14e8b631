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
    public bool Has(WordClass wordClass, int from, int to) =>
        Words.Any(w => w.Payload.Class == wordClass && w.Start >= from && w.End <= to);
}
