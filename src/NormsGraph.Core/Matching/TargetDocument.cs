namespace NormsGraph.Core.Matching;

/// <summary>A target's texts for the semantic signal: its name with its description, and each of its wordings.</summary>
public sealed record TargetDocument(string TargetId, string Description, IReadOnlyList<string> Wordings);
