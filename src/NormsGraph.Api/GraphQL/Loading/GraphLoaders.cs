using System.Collections.Concurrent;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Loading;

/// <summary>The batch loaders of one request (registered scoped, so nothing is shared between requests).</summary>
internal sealed class GraphLoaders(IGraphStore store)
{
    private readonly ConcurrentDictionary<int, BatchLoader<PositionEdgeKey, IReadOnlyList<PositionRecord>>> _evidence = new();
    private readonly ConcurrentDictionary<(int First, string? After), BatchLoader<PositionEdgeKey, Page<ReportSummary>>> _stanceReports = new();
    private readonly ConcurrentDictionary<(PositionAnchor Anchor, PositionQuery Filter), BatchLoader<string, PositionPage>> _positionPages = new();
    private readonly ConcurrentDictionary<(Stance? Stance, int First), BatchLoader<string, Page<PositionEdge>>> _actorStances = new();

    public BatchLoader<string, Actor> Actors { get; } = new(store.GetActorsAsync);
    public BatchLoader<string, Target> Targets { get; } = new(store.GetTargetsAsync);
    public BatchLoader<string, ReportSummary> Reports { get; } = new(store.GetReportsAsync);

    /// <summary>
    /// The first <paramref name="first"/> statements behind position edges: every edge of a page asking for the same
    /// number is fetched in one <see cref="IGraphStore.FindEvidenceAsync"/> call.
    /// </summary>
    public BatchLoader<PositionEdgeKey, IReadOnlyList<PositionRecord>> Evidence(int first) =>
        _evidence.GetOrAdd(first, n => new((edges, ct) => store.FindEvidenceAsync(edges, n, ct)));

    /// <summary>
    /// A page of the reports behind position edges: every edge of a page asking for the same page of reports is
    /// fetched in one <see cref="IGraphStore.FindStanceReportsAsync"/> call.
    /// </summary>
    public BatchLoader<PositionEdgeKey, Page<ReportSummary>> StanceReports(int first, string? after) =>
        _stanceReports.GetOrAdd((first, after), page => new((edges, ct) => store.FindStanceReportsAsync(edges, page.First, page.After, ct)));

    /// <summary>
    /// The first page of actors', targets' or reports' positions: every parent of a list asking for the same filter and
    /// page size is fetched in one <see cref="IGraphStore.FindPositionPagesAsync"/> call.
    /// </summary>
    public BatchLoader<string, PositionPage> PositionPages(PositionAnchor anchor, PositionQuery filter) =>
        _positionPages.GetOrAdd((anchor, filter), key => new((ids, ct) => store.FindPositionPagesAsync(key.Anchor, ids, key.Filter, ct)));

    /// <summary>
    /// The first page of actors' stances: every actor of a list asking for the same stance and page size is fetched in
    /// one <see cref="IGraphStore.FindActorStancesAsync"/> call.
    /// </summary>
    public BatchLoader<string, Page<PositionEdge>> ActorStances(Stance? stance, int first) =>
        _actorStances.GetOrAdd((stance, first), page => new((ids, ct) => store.FindActorStancesAsync(ids, page.Stance, page.First, ct)));
}
