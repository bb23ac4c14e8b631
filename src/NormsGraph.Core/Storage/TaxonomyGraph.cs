using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>The curated part of the graph, as stored.</summary>
public sealed record TaxonomyGraph(
    IReadOnlyList<Framework> Frameworks,
    IReadOnlyList<Target> Targets,
    IReadOnlyList<DiplomaticProcess> Processes,
    IReadOnlyList<Actor> Actors)
{
    public static TaxonomyGraph From(Taxonomy.Taxonomy taxonomy) => new(
        taxonomy.Frameworks,
        taxonomy.Targets.Select(t => t.Target).ToList(),
        taxonomy.Processes.Select(p => p.Process).ToList(),
        taxonomy.Actors.Select(a => a.Actor).ToList());
}
