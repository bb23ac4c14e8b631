using NormsGraph.Core.Domain;

namespace NormsGraph.Ingestion.Pipeline;

/// <summary>A report handed to the pipeline, from a file or from the API.</summary>
/// <param name="Source">A label that identifies the document across versions (a file name).</param>
public sealed record ReportSubmission(string Text, string? Source, ReportFormat? Format)
{
    /// <summary>Who sent it through the API (the key's name), for the audit log; null from the inbox.</summary>
    public string? SubmittedBy { get; init; }
}
