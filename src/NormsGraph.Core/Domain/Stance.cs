namespace NormsGraph.Core.Domain;

/// <summary>How an actor relates to a target.</summary>
public enum Stance
{
    Support,
    Oppose,
    Propose,
    Concern,
}
