using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>Which position edge: one actor's stance on one target (the key of <see cref="IGraphStore.FindEvidenceAsync"/>).</summary>
public readonly record struct PositionEdgeKey(string ActorId, string TargetId, Stance Stance)
{
    public static PositionEdgeKey Of(PositionEdge edge) => new(edge.ActorId, edge.TargetId, edge.Stance);
}
