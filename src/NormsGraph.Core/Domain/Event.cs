namespace NormsGraph.Core.Domain;

/// <summary>A session or meeting a report covers.</summary>
public sealed record Event(string Id, string Title, DateOnly? Date, string? Start, string? End, string? ProcessId);
