namespace NormsGraph.Core.Storage;

/// <summary>One search result: what it is (actor, norm, principle, proposal, process, report), its id and title, and its rank (higher is better).</summary>
public sealed record SearchHit(string Kind, string Id, string Title, double Score, string? Snippet);
