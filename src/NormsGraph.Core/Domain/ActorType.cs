namespace NormsGraph.Core.Domain;

/// <summary>What kind of stakeholder an actor is; serialised in snake_case (see <see cref="EnumNames"/>).</summary>
public enum ActorType
{
    State,
    Intergovernmental,
    CivilSociety,
    PrivateSector,
    Academia,
    TechnicalCommunity,
    UnBody,
    Process,
    Panel,
    Other,
}
