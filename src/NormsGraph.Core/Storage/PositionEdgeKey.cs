using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>
/// Which position edge: one actor's stance on one target, over every non-rejected statement or, with a
/// <see cref="Filter"/>, over those that pass it (the key of <see cref="IGraphStore.FindEvidenceAsync"/>).
/// </summary>
public readonly record struct PositionEdgeKey(string ActorId, string TargetId, Stance Stance, StatementFilter? Filter = null)
{
    public static PositionEdgeKey Of(PositionEdge edge) => new(edge.ActorId, edge.TargetId, edge.Stance, edge.Filter);
}
