namespace NormsGraph.Core.Domain;

/// <summary>The provenance root: one ingested report and its text.</summary>
/// <param name="Id">Content hash of the text, so the same text is the same report.</param>
/// <param name="Source">Where it came from (file name or caller-supplied label); also identifies versions of one document.</param>
/// <param name="DocumentKey">
/// What its statement ids are hashed with, when not <see cref="Source"/> (or, without one, <see cref="Id"/>): the
/// source it was first read from, which it keeps when a copy of it under another name becomes the source it shows, so
/// re-extraction gives its statements their ids, and their curation, back.
/// </param>
public sealed record Report(
    string Id,
    string Title,
    DateOnly? Date,
    string? Source,
    string Text,
    ReportFormat Format,
    string ExtractorVersion,
    string? DocumentKey = null)
{
    /// <summary>The key its statement ids are hashed with.</summary>
    public string StatementKey => DocumentKey ?? Source ?? Id;
}
