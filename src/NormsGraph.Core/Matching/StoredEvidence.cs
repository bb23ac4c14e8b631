using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Matching;

/// <summary>A stored statement that resembles the text being matched: its target is a vote, weighted by <see cref="Similarity"/>.</summary>
public sealed record StoredEvidence(
    string StatementId,
    string TargetId,
    string Evidence,
    string ActorId,
    string ReportId,
    StatementStatus Status,
    double Similarity);
