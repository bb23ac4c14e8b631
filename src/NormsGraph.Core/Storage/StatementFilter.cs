namespace NormsGraph.Core.Storage;

/// <summary>
/// Which statements a filtered position edge stands for: report dates (undated statements never pass a date filter),
/// the event's process and a minimum confidence. A filtered "who" answers counts, dates, evidence and reports over
/// the same statements, so an edge carries the filter its figures were computed under.
/// </summary>
public sealed record StatementFilter(DateOnly? From = null, DateOnly? To = null, string? ProcessId = null, double? MinConfidence = null)
{
    public bool IsEmpty => From is null && To is null && ProcessId is null && MinConfidence is null;
}
