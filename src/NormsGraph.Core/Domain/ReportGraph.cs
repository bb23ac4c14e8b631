namespace NormsGraph.Core.Domain;

/// <summary>Everything extraction found in one report; the unit a store applies in one transaction.</summary>
public sealed record ReportGraph(
    Report Report,
    Event? Event,
    DiplomaticProcess? Process,
    IReadOnlyList<Actor> Actors,
    IReadOnlyList<Target> Targets,
    IReadOnlyList<ExtractedPosition> Positions)
{
    /// <summary>
    /// The API key's name when the report came through the API: the store records the submission in the audit log
    /// in the transaction that applies the report. Null for the inbox and for re-extraction, which no caller asked for.
    /// </summary>
    public string? SubmittedBy { get; init; }
}
