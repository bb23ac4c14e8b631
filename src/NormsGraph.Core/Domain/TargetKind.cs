namespace NormsGraph.Core.Domain;

/// <summary>Norms and principles come from the taxonomy; a proposal is a new idea found in text.</summary>
public enum TargetKind
{
    Norm,
    Principle,
    Proposal,
}
