using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>A stored report without its text.</summary>
public sealed record ReportSummary(
    string Id,
    string Title,
    DateOnly? Date,
    string? Source,
    ReportFormat Format,
    string ExtractorVersion,
    DateTimeOffset IngestedAt,
    string? EventId);
