namespace NormsGraph.Core.Domain;

/// <summary>The provenance root: one ingested report and its text.</summary>
/// <param name="Id">Content hash of the text, so the same text is the same report.</param>
/// <param name="Source">Where it came from (file name or caller-supplied label); also identifies versions of one document.</param>
public sealed record Report(
    string Id,
    string Title,
    DateOnly? Date,
    string? Source,
    string Text,
    ReportFormat Format,
    string ExtractorVersion);
