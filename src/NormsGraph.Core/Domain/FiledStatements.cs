namespace NormsGraph.Core.Domain;

/// <summary>
/// Statements analysts file themselves (the API's addStatement): each is stored as a small report of its own, with the
/// speaker, targets and stance the analyst chose rather than what an extractor reads in its text.
/// </summary>
public static class FiledStatements
{
    /// <summary>The extractor version of a filed statement's report: no extractor wrote it, so re-extraction leaves it alone.</summary>
    public const string ExtractorVersion = "analyst-1";
}
