namespace NormsGraph.Core.Matching;

/// <summary>
/// A norm, principle or proposal that a span of text speaks to, with a score in [0, 1] and the reasons;
/// <see cref="Similar"/> holds the stored statements for the target that most resemble the text (linking only).
/// </summary>
public sealed record TargetMatch(string TargetId, double Score, IReadOnlyList<MatchReason> Reasons)
{
    public IReadOnlyList<StoredEvidence> Similar { get; init; } = [];
}
