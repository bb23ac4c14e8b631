namespace NormsGraph.Core.Storage;

/// <summary>Reports and non-rejected statements dated in one period.</summary>
public sealed record PeriodActivity(string Period, int Reports, int Statements);
