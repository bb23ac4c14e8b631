namespace NormsGraph.Core.Domain;

/// <summary>One actor's stance on one target, with the sentence that proves it.</summary>
/// <param name="Id">Stable statement id (see <see cref="StatementIds"/>).</param>
/// <param name="EvidenceStart">Character offset of the evidence sentence in the report text.</param>
/// <param name="SpeakerId">Who spoke when the position belongs to a group ("on behalf of the NAM").</param>
/// <param name="Mechanism">How extraction found it ("explicit/support/phrase"): the key of the confidence calibration.</param>
public sealed record ExtractedPosition(
    string Id,
    string ActorId,
    Stance Stance,
    string TargetId,
    string Evidence,
    int EvidenceStart,
    int EvidenceLength,
    double Confidence,
    string? SpeakerId = null,
    string? Mechanism = null);
