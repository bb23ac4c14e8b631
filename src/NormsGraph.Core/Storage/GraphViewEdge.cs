using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>A position of a graph view, from the actor (<see cref="Source"/>) to the target.</summary>
/// <param name="Id">Stable: <c>actor:stance:target</c>.</param>
/// <param name="Weight">Statements behind this position that pass the view's filters.</param>
public sealed record GraphViewEdge(string Id, string Source, string Target, Stance Stance, int Weight, DateOnly? First, DateOnly? Last)
{
    public static string IdOf(string actorId, Stance stance, string targetId) => $"{actorId}:{EnumNames.ToSnakeCase(stance)}:{targetId}";
}
