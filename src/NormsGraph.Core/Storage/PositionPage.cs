namespace NormsGraph.Core.Storage;

/// <summary>One page of statements, in (date, id) order, plus the total that match the filter.</summary>
public sealed record PositionPage(IReadOnlyList<PositionRecord> Items, int TotalCount, bool HasNextPage);
