namespace NormsGraph.Core.Matching;

/// <summary>A norm, principle or proposal that a span of text speaks to, with a score in [0, 1] and the reasons.</summary>
public sealed record TargetMatch(string TargetId, double Score, IReadOnlyList<MatchReason> Reasons);
