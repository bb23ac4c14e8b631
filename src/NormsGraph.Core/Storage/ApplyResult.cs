namespace NormsGraph.Core.Storage;

/// <summary>What applying a report did.</summary>
/// <param name="Outcome">Ingested (new), Unchanged (same content already stored) or Replaced (new version of a source).</param>
/// <param name="StaleReportId">
/// The text the source moved on from when another source still holds it and shows that one now: its statement ids were
/// hashed with the source that moved on, so its statements went with it (to the new text where it repeats them) and it
/// waits, without statements, to be re-extracted under the source it shows (the pipeline does it next).
/// </param>
public sealed record ApplyResult(string ReportId, ApplyOutcome Outcome, int Actors, int Positions, string? ReplacedReportId = null,
    string? StaleReportId = null);

public enum ApplyOutcome
{
    Ingested,
    Unchanged,
    Replaced,
}
