namespace NormsGraph.Core.Storage;

/// <summary>
/// Which statements a filtered position edge stands for: report dates (undated statements never pass a date filter),
/// the event's process and a minimum confidence. A filtered "who" answers counts, dates, evidence and reports over
/// the same statements, so an edge carries the filter its figures were computed under.
/// </summary>
/// <remarks>Built only when some filter is set (<see cref="PositionEdgeQuery.Statements"/>).</remarks>
public sealed record StatementFilter(DateOnly? From = null, DateOnly? To = null, string? ProcessId = null, double? MinConfidence = null);
