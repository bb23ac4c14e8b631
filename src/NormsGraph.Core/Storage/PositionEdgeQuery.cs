using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>
/// A filter over position edges ("who supported X", "what did A say"), ordered by statements (most first), then
/// actor, target and stance. Without <see cref="From"/>, <see cref="To"/>, <see cref="ProcessId"/> and
/// <see cref="MinConfidence"/> it reads the stored edges; with them the edges are aggregated from the statements
/// that pass, so counts, first and last dates describe only those.
/// </summary>
public sealed record PositionEdgeQuery(
    string? TargetId = null,
    string? ActorId = null,
    Stance? Stance = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? ProcessId = null,
    ActorType? ActorType = null,
    double? MinConfidence = null,
    int First = PositionQuery.DefaultPageSize,
    string? After = null)
{
    /// <summary>The filters the stored edges cannot answer; null when there are none.</summary>
    public StatementFilter? Statements => From is null && To is null && ProcessId is null && MinConfidence is null
        ? null
        : new StatementFilter(From, To, ProcessId, MinConfidence);

    public bool FiltersStatements => Statements is not null;
}
