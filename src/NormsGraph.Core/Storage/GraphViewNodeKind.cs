namespace NormsGraph.Core.Storage;

/// <summary>What a node of a graph view stands for: an actor, or the kind of target it is.</summary>
public enum GraphViewNodeKind
{
    Actor,
    Norm,
    Principle,
    Proposal,
}
