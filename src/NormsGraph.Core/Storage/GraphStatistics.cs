namespace NormsGraph.Core.Storage;

/// <summary>Counts per node label and relationship type, the most supported targets, the most active actors and activity per period.</summary>
public sealed record GraphStatistics(
    IReadOnlyList<NamedCount> Labels,
    IReadOnlyList<NamedCount> Relationships,
    IReadOnlyList<NamedCount> MostSupportedTargets,
    IReadOnlyList<NamedCount> MostActiveActors,
    IReadOnlyList<PeriodActivity> Periods);
