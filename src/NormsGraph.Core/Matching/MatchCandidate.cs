namespace NormsGraph.Core.Matching;

/// <summary>
/// A target considered for a text: its feature vector (in <see cref="MatchFeatures.Names"/> order), the reasons
/// behind it and the stored statements for it that resemble the text, most similar first.
/// </summary>
public sealed record MatchCandidate(string TargetId, double[] Features, IReadOnlyList<MatchReason> Reasons, IReadOnlyList<StoredEvidence> Similar);
