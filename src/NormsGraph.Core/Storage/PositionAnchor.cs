namespace NormsGraph.Core.Storage;

/// <summary>What a batch of position pages is keyed by (see <see cref="IGraphStore.FindPositionPagesAsync"/>).</summary>
public enum PositionAnchor
{
    Actor,
    Target,
    Report,
}
