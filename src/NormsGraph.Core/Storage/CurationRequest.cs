namespace NormsGraph.Core.Storage;

/// <summary>One curation change: the action, its subject (a statement or actor id) and the new value where the action has one.</summary>
public sealed record CurationRequest(CurationAction Action, string Subject, string? Value = null);
