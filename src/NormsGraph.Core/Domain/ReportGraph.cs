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

    /// <summary>
    /// A re-extraction of a stored report, read from the store: it changes that report's statements only while the report
    /// is stored and its source still holds it, and otherwise nothing, so a writer that moved the source on since the
    /// read (a worker beside <c>reextract</c>) is not undone by moving the source back.
    /// </summary>
    public bool Reextraction { get; init; }
}
