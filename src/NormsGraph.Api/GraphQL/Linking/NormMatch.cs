using NormsGraph.Core.Matching;

namespace NormsGraph.Api.GraphQL.Linking;

/// <summary>One ranked match of linkStatement, with the speaker it was asked for (if any).</summary>
internal sealed record NormMatch(TargetMatch Match, string? Speaker);
