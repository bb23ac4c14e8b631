using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>
/// How alike two actors' positions are, computed the same way for every store from position edges.
/// A target counts once per actor whatever the number of stances taken on it.
/// </summary>
public static class Alignment
{
    public static AlignedActor Compare(string otherId, IReadOnlyCollection<PositionEdge> mine, IReadOnlyCollection<PositionEdge> theirs)
    {
        var shared = mine.Join(theirs, m => (m.TargetId, m.Stance), t => (t.TargetId, t.Stance), (m, _) => m.TargetId)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var conflicting = mine.Join(theirs, m => m.TargetId, t => t.TargetId, (m, t) => (m.TargetId, Conflict: Conflicts(m.Stance, t.Stance)))
            .Where(p => p.Conflict).Select(p => p.TargetId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var union = mine.Select(e => e.TargetId).Union(theirs.Select(e => e.TargetId), StringComparer.Ordinal).Count();
        var similarity = union == 0 ? 0 : Math.Round((double)shared.Count / union, 4);
        return new AlignedActor(otherId, similarity, shared, conflicting);
    }

    /// <summary>The others ranked by similarity, then more shared targets, then id; those sharing nothing are left out.</summary>
    public static List<AlignedActor> Rank(IReadOnlyCollection<PositionEdge> mine, IEnumerable<IGrouping<string, PositionEdge>> others) =>
        [.. others.Select(g => Compare(g.Key, mine, [.. g]))
            .Where(a => a.SharedTargetIds.Count > 0 || a.ConflictingTargetIds.Count > 0)
            .OrderByDescending(a => a.Similarity).ThenByDescending(a => a.SharedTargetIds.Count).ThenBy(a => a.ActorId, StringComparer.Ordinal)];

    private static bool Conflicts(Stance a, Stance b) =>
        (a is Stance.Support or Stance.Propose && b == Stance.Oppose) || (b is Stance.Support or Stance.Propose && a == Stance.Oppose);
}
