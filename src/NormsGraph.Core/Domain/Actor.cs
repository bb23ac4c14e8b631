namespace NormsGraph.Core.Domain;

/// <summary>A stakeholder: a state, an organisation, a UN body, a process or a panel.</summary>
/// <param name="Curated">True when the actor comes from the taxonomy, false when it was found in text.</param>
public sealed record Actor(string Id, string Name, ActorType Type, IReadOnlyList<string> Aliases, bool Curated);
