using System.Collections.Concurrent;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Loading;

/// <summary>The batch loaders of one request (registered scoped, so nothing is shared between requests).</summary>
internal sealed class GraphLoaders(IGraphStore store)
{
    private readonly ConcurrentDictionary<int, BatchLoader<PositionEdgeKey, IReadOnlyList<PositionRecord>>> _evidence = new();

    public BatchLoader<string, Actor> Actors { get; } = new(store.GetActorsAsync);
    public BatchLoader<string, Target> Targets { get; } = new(store.GetTargetsAsync);
    public BatchLoader<string, ReportSummary> Reports { get; } = new(store.GetReportsAsync);

    /// <summary>
    /// The first <paramref name="first"/> statements behind position edges: every edge of a page asking for the same
    /// number is fetched in one <see cref="IGraphStore.FindEvidenceAsync"/> call.
    /// </summary>
    public BatchLoader<PositionEdgeKey, IReadOnlyList<PositionRecord>> Evidence(int first) =>
        _evidence.GetOrAdd(first, n => new((edges, ct) => store.FindEvidenceAsync(edges, n, ct)));
}
