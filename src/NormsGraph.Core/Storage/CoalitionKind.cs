namespace NormsGraph.Core.Storage;

public enum CoalitionKind
{
    ActorType,
    Process,
}
