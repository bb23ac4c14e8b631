namespace NormsGraph.Api.GraphQL.Types;

/// <summary>The sides taken on one target; each side is read from the store when asked for, a page at a time.</summary>
internal sealed record Disagreement(string TargetId);
