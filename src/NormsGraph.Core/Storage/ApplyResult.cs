namespace NormsGraph.Core.Storage;

/// <summary>What applying a report did.</summary>
/// <param name="Outcome">Ingested (new), Unchanged (same content already stored) or Replaced (new version of a source).</param>
public sealed record ApplyResult(string ReportId, ApplyOutcome Outcome, int Actors, int Positions, string? ReplacedReportId = null);

public enum ApplyOutcome
{
    Ingested,
    Unchanged,
    Replaced,
}
