namespace NormsGraph.Core.Matching;

/// <summary>
/// A taxonomy cue of a target found at tokens [Start, End). <see cref="IsPractice"/> marks a phrase naming the
/// practice the target stands against; <see cref="Phrase"/> is the cue as the taxonomy writes it.
/// </summary>
public readonly record struct PhraseHit(string TargetId, bool IsPractice, int Start, int End, MatchSignal Signal, string Phrase);
