namespace NormsGraph.Core.Storage;

/// <summary>Reports (or events) by date range, process and actor, oldest first (undated last), then by id.</summary>
public sealed record ReportQuery(
    DateOnly? From = null,
    DateOnly? To = null,
    string? ProcessId = null,
    string? ActorId = null,
    int First = PositionQuery.DefaultPageSize,
    string? After = null);
