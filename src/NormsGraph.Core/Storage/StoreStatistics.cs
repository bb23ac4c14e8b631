namespace NormsGraph.Core.Storage;

/// <summary>Node counts, for health checks, the CLI and tests.</summary>
public sealed record StoreStatistics(int Reports, int Actors, int Statements, int Targets, int Events);
