namespace NormsGraph.Core.Matching;

/// <summary>One piece of evidence for a match: the signal, what matched (a phrase, a term, a statement id) and its strength.</summary>
public sealed record MatchReason(MatchSignal Signal, string Detail, double Strength);
