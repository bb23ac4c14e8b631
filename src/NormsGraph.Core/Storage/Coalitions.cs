namespace NormsGraph.Core.Storage;

/// <summary>Groups (key, actor, statements) rows into coalitions the same way for every store: largest first, then by key; actors by id.</summary>
public static class Coalitions
{
    public static IReadOnlyList<Coalition> Group(
        IEnumerable<(string Key, string Actor, int Statements)> byActorType,
        IEnumerable<(string Key, string Actor, int Statements)> byProcess) =>
        [.. Build(CoalitionKind.ActorType, byActorType), .. Build(CoalitionKind.Process, byProcess)];

    private static IEnumerable<Coalition> Build(CoalitionKind kind, IEnumerable<(string Key, string Actor, int Statements)> rows) =>
        rows.GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => new Coalition(kind, g.Key, [.. g.Select(r => r.Actor).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                g.Sum(r => r.Statements)))
            .OrderByDescending(c => c.ActorIds.Count).ThenBy(c => c.Key, StringComparer.Ordinal);
}
