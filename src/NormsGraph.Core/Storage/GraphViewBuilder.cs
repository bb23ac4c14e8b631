using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>
/// Builds a <see cref="GraphView"/> from a store's aggregated positions, so that every adapter walks,
/// ranks and cuts the graph the same way and only the aggregation is adapter-specific. Nodes are ranked by
/// distance from the focus, then by the statements on their candidate edges, then by id; the first
/// <see cref="GraphViewQuery.Limit"/> are kept with the edges between them.
/// </summary>
public static class GraphViewBuilder
{
    /// <summary>
    /// Positions passing the query's filters that touch any of the given node ids (actor or target), or every
    /// one when the ids are null.
    /// </summary>
    public delegate Task<IReadOnlyList<GraphViewLink>> LinkSource(IReadOnlyCollection<string>? touching, CancellationToken cancellationToken);

    // A merged actor's old id focuses on the actor it was merged into, as every read that takes an actor id does: the
    // store's actor lookup resolves it.
    private static async Task<List<string>> SurvivingIdsAsync(List<string> focus, IGraphStore lookups, CancellationToken cancellationToken)
    {
        if (focus.Count == 0)
        {
            return focus;
        }
        var actors = await lookups.GetActorsAsync(focus, cancellationToken);
        return [.. focus.Select(id => actors.TryGetValue(id, out var actor) ? actor.Id : id).Distinct(StringComparer.Ordinal)];
    }

    public static async Task<GraphView> BuildAsync(GraphViewQuery query, LinkSource links, IGraphStore lookups, CancellationToken cancellationToken)
    {
        var distance = new Dictionary<string, int>(StringComparer.Ordinal);
        var candidates = new Dictionary<string, GraphViewLink>(StringComparer.Ordinal);
        var focus = await SurvivingIdsAsync(query.Focus.Distinct(StringComparer.Ordinal).ToList(), lookups, cancellationToken);
        if (focus.Count == 0)
        {
            foreach (var link in await links(null, cancellationToken))
            {
                candidates[Key(link)] = link;
                distance.TryAdd(link.ActorId, 0);
                distance.TryAdd(link.TargetId, 0);
            }
        }
        else
        {
            foreach (var id in focus)
            {
                distance[id] = 0;
            }
            var frontier = focus;
            for (var hop = 1; hop <= query.Depth && frontier.Count > 0; hop++)
            {
                var next = new List<string>();
                foreach (var link in await links(frontier, cancellationToken))
                {
                    candidates[Key(link)] = link;
                    foreach (var end in (string[])[link.ActorId, link.TargetId])
                    {
                        if (distance.TryAdd(end, hop))
                        {
                            next.Add(end);
                        }
                    }
                }
                frontier = next;
            }
            // Nodes on the outer ring may be linked to each other (a focus that mixes actors and targets).
            if (frontier.Count > 0 && query.Depth > 0)
            {
                foreach (var link in await links(frontier, cancellationToken))
                {
                    if (distance.ContainsKey(link.ActorId) && distance.ContainsKey(link.TargetId))
                    {
                        candidates[Key(link)] = link;
                    }
                }
            }
        }

        var actorIds = candidates.Values.Select(l => l.ActorId).Concat(focus).Distinct(StringComparer.Ordinal).ToList();
        var targetIds = candidates.Values.Select(l => l.TargetId).Concat(focus).Distinct(StringComparer.Ordinal).ToList();
        var actors = await lookups.GetActorsAsync(actorIds, cancellationToken);
        var targets = await lookups.GetTargetsAsync(targetIds, cancellationToken);

        // A link whose actor or target has no node (an id the store does not know) cannot be drawn.
        var drawable = candidates.Values.Where(l => actors.ContainsKey(l.ActorId) && targets.ContainsKey(l.TargetId)).ToList();
        var candidateWeight = Weights(drawable);
        var ranked = distance.Keys
            .Where(id => actors.ContainsKey(id) || targets.ContainsKey(id))
            .OrderBy(id => distance[id])
            .ThenByDescending(id => candidateWeight.GetValueOrDefault(id))
            .ThenBy(id => id, StringComparer.Ordinal)
            .ToList();
        var kept = ranked.Take(query.Limit).ToHashSet(StringComparer.Ordinal);
        var edges = drawable
            .Where(l => kept.Contains(l.ActorId) && kept.Contains(l.TargetId))
            .Select(l => new GraphViewEdge(GraphViewEdge.IdOf(l.ActorId, l.Stance, l.TargetId), l.ActorId, l.TargetId, l.Stance, l.Statements, l.First, l.Last))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        var weight = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in edges)
        {
            weight[e.Source] = weight.GetValueOrDefault(e.Source) + e.Weight;
            weight[e.Target] = weight.GetValueOrDefault(e.Target) + e.Weight;
        }
        var nodes = ranked.Where(kept.Contains).Select(id => actors.TryGetValue(id, out var actor)
                ? new GraphViewNode(id, actor.Name, GraphViewNodeKind.Actor, actor.Type, weight.GetValueOrDefault(id), distance[id])
                : Node(targets[id], weight.GetValueOrDefault(id), distance[id]))
            .ToList();
        return new GraphView(nodes, edges, ranked.Count > kept.Count);
    }

    private static GraphViewNode Node(Target target, int weight, int distance) => new(target.Id, target.Name, target.Kind switch
    {
        TargetKind.Norm => GraphViewNodeKind.Norm,
        TargetKind.Principle => GraphViewNodeKind.Principle,
        _ => GraphViewNodeKind.Proposal,
    }, null, weight, distance);

    private static Dictionary<string, int> Weights(IEnumerable<GraphViewLink> links)
    {
        var weight = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var l in links)
        {
            weight[l.ActorId] = weight.GetValueOrDefault(l.ActorId) + l.Statements;
            weight[l.TargetId] = weight.GetValueOrDefault(l.TargetId) + l.Statements;
        }
        return weight;
    }

    private static string Key(GraphViewLink link) => GraphViewEdge.IdOf(link.ActorId, link.Stance, link.TargetId);
}
