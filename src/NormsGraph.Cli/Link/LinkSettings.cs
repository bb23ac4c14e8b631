namespace NormsGraph.Cli.Link;

/// <summary>What a link run uses: the semantic signal, the stored evidence, and whether copies of a statement count as its evidence.</summary>
internal sealed record LinkSettings(bool Semantic, bool EmptyGraph, bool ExcludeSameText, string? WeightsPath = null);
