using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>
/// A derived position edge: one actor's stance on one target, the number of non-rejected statements behind it
/// and the first and last report dates (null when every report is undated).
/// </summary>
public sealed record PositionEdge(string ActorId, string TargetId, Stance Stance, int Statements, DateOnly? First, DateOnly? Last)
{
    /// <summary>
    /// When the edge was aggregated from filtered statements (<see cref="PositionEdgeQuery.Statements"/>), that filter:
    /// its evidence and reports are then read under it too (<see cref="PositionEdgeKey.Of"/>).
    /// </summary>
    public StatementFilter? Filter { get; init; }

    public string Cursor => PageCursor.Encode("edge", Statements.ToString("D10", System.Globalization.CultureInfo.InvariantCulture), ActorId, TargetId,
        Domain.EnumNames.ToSnakeCase(Stance));
}
