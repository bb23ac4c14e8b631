namespace NormsGraph.Core.Domain;

/// <summary>Everything extraction found in one report; the unit a store applies in one transaction.</summary>
public sealed record ReportGraph(
    Report Report,
    Event? Event,
    DiplomaticProcess? Process,
    IReadOnlyList<Actor> Actors,
    IReadOnlyList<Target> Targets,
    IReadOnlyList<ExtractedPosition> Positions);
