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
    public bool FiltersStatements => From is not null || To is not null || ProcessId is not null || MinConfidence is not null;
}
