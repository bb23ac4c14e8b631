using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Loading;

/// <summary>The batch loaders of one request (registered scoped, so nothing is shared between requests).</summary>
internal sealed class GraphLoaders(IGraphStore store)
{
    public BatchLoader<Actor> Actors { get; } = new(store.GetActorsAsync);
    public BatchLoader<Target> Targets { get; } = new(store.GetTargetsAsync);
    public BatchLoader<ReportSummary> Reports { get; } = new(store.GetReportsAsync);
}
