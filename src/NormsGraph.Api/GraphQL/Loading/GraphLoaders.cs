using System.Collections.Concurrent;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Loading;

/// <summary>The batch loaders of one request (registered scoped, so nothing is shared between requests).</summary>
internal sealed class GraphLoaders(IGraphStore store)
{
    // Created when a request first needs them: most requests use one or two of these, and building all of them for
    // every request was a tenth of what the GraphQL layer allocated for a page of supporters.
    private ConcurrentDictionary<int, BatchLoader<PositionEdgeKey, IReadOnlyList<PositionRecord>>>? _evidence;
    private ConcurrentDictionary<(int First, string? After), BatchLoader<PositionEdgeKey, Page<ReportSummary>>>? _stanceReports;
    private ConcurrentDictionary<(PositionAnchor Anchor, PositionQuery Filter), BatchLoader<string, PositionPage>>? _positionPages;
    private ConcurrentDictionary<(Stance? Stance, int First), BatchLoader<string, Page<PositionEdge>>>? _actorStances;
    private BatchLoader<string, Actor>? _actors;
    private BatchLoader<string, Target>? _targets;
    private BatchLoader<string, ReportSummary>? _reports;

    public BatchLoader<string, Actor> Actors => _actors ?? Once(ref _actors, () => new(store.GetActorsAsync));
    public BatchLoader<string, Target> Targets => _targets ?? Once(ref _targets, () => new(store.GetTargetsAsync));
    public BatchLoader<string, ReportSummary> Reports => _reports ?? Once(ref _reports, () => new(store.GetReportsAsync));

    /// <summary>
    /// The first <paramref name="first"/> statements behind position edges: every edge of a page asking for the same
    /// number is fetched in one <see cref="IGraphStore.FindEvidenceAsync"/> call.
    /// </summary>
    public BatchLoader<PositionEdgeKey, IReadOnlyList<PositionRecord>> Evidence(int first) =>
        Once(ref _evidence, static () => new()).GetOrAdd(first, static (n, store) => new((edges, ct) => store.FindEvidenceAsync(edges, n, ct)), store);

    /// <summary>
    /// A page of the reports behind position edges: every edge of a page asking for the same page of reports is
    /// fetched in one <see cref="IGraphStore.FindStanceReportsAsync"/> call.
    /// </summary>
    public BatchLoader<PositionEdgeKey, Page<ReportSummary>> StanceReports(int first, string? after) =>
        Once(ref _stanceReports, static () => new()).GetOrAdd((first, after),
            static (page, store) => new((edges, ct) => store.FindStanceReportsAsync(edges, page.First, page.After, ct)), store);

    /// <summary>
    /// The first page of actors', targets' or reports' positions: every parent of a list asking for the same filter and
    /// page size is fetched in one <see cref="IGraphStore.FindPositionPagesAsync"/> call.
    /// </summary>
    public BatchLoader<string, PositionPage> PositionPages(PositionAnchor anchor, PositionQuery filter) =>
        Once(ref _positionPages, static () => new()).GetOrAdd((anchor, filter),
            static (key, store) => new((ids, ct) => store.FindPositionPagesAsync(key.Anchor, ids, key.Filter, ct)), store);

    /// <summary>
    /// The first page of actors' stances: every actor of a list asking for the same stance and page size is fetched in
    /// one <see cref="IGraphStore.FindActorStancesAsync"/> call.
    /// </summary>
    public BatchLoader<string, Page<PositionEdge>> ActorStances(Stance? stance, int first) =>
        Once(ref _actorStances, static () => new()).GetOrAdd((stance, first),
            static (page, store) => new((ids, ct) => store.FindActorStancesAsync(ids, page.Stance, page.First, ct)), store);

    // Resolvers of one level run in parallel: the first to publish wins, so every field of the level batches in one loader.
    // The factories that capture the store are only built when the field is empty (the callers check first).
    private static T Once<T>(ref T? field, Func<T> create)
        where T : class => Volatile.Read(ref field) ?? Interlocked.CompareExchange(ref field, create(), null) ?? field!;
}
