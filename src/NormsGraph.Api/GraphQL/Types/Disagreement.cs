using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

/// <summary>On one target: who supports or proposes it, who opposes it and who raised concern about it.</summary>
internal sealed record Disagreement(string TargetId, IReadOnlyList<PositionEdge> Supporters, IReadOnlyList<PositionEdge> Opponents,
    IReadOnlyList<PositionEdge> Concerned);
