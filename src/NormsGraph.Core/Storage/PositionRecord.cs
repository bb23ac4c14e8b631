using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>A stored statement: who took which stance on what, the evidence, and where it was reported.</summary>
public sealed record PositionRecord(
    string Id,
    string ActorId,
    Stance Stance,
    string TargetId,
    string Evidence,
    int EvidenceStart,
    int EvidenceLength,
    double Confidence,
    StatementStatus Status,
    string ReportId,
    DateOnly? Date,
    string? EventId);
