using System.Collections.Concurrent;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.Tests;

/// <summary>Wraps the real store and counts the calls that reach it, by method name, so tests can prove batching.</summary>
internal sealed class CountingGraphStore(IGraphStore inner) : IGraphStore
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public int Calls(string method) => _calls.GetValueOrDefault(method);

    public int TotalCalls => _calls.Values.Sum();

    /// <summary>The searches asked, in order.</summary>
    public ConcurrentQueue<SearchQuery> Searches { get; } = new();

    public void Reset()
    {
        _calls.Clear();
        Searches.Clear();
    }

    /// <summary>A method that throws, as a bug in the store would, instead of calling the real store.</summary>
    public string? Failing { get; set; }

    /// <summary>A method that takes a while (blocking its caller for <see cref="SlowFor"/>) before calling the real store.</summary>
    public string? Slow { get; set; }

    public TimeSpan SlowFor { get; set; } = TimeSpan.FromMilliseconds(300);

    private T Count<T>(string method, Func<T> call)
    {
        _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        if (method == Slow)
        {
            Thread.Sleep(SlowFor);
        }
        return method == Failing ? throw new InvalidOperationException($"{method} broke: secret-internal-detail") : call();
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task ApplyTaxonomyAsync(TaxonomyGraph taxonomy, CancellationToken cancellationToken) => inner.ApplyTaxonomyAsync(taxonomy, cancellationToken);

    public Task<ApplyResult> ApplyAsync(ReportGraph graph, CancellationToken cancellationToken) => inner.ApplyAsync(graph, cancellationToken);

    public Task<IReadOnlyDictionary<string, Actor>> GetActorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Count(nameof(GetActorsAsync), () => inner.GetActorsAsync(ids, cancellationToken));

    public Task<IReadOnlyDictionary<string, Target>> GetTargetsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Count(nameof(GetTargetsAsync), () => inner.GetTargetsAsync(ids, cancellationToken));

    public Task<IReadOnlyDictionary<string, ReportSummary>> GetReportsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Count(nameof(GetReportsAsync), () => inner.GetReportsAsync(ids, cancellationToken));

    public Task<PositionPage> FindPositionsAsync(PositionQuery query, CancellationToken cancellationToken) =>
        Count(nameof(FindPositionsAsync), () => inner.FindPositionsAsync(query, cancellationToken));

    public Task<IReadOnlyDictionary<PositionEdgeKey, IReadOnlyList<PositionRecord>>> FindEvidenceAsync(IReadOnlyCollection<PositionEdgeKey> edges, int first,
        CancellationToken cancellationToken) =>
        Count(nameof(FindEvidenceAsync), () => inner.FindEvidenceAsync(edges, first, cancellationToken));

    public Task<IReadOnlyDictionary<string, PositionPage>> FindPositionPagesAsync(PositionAnchor anchor, IReadOnlyCollection<string> ids, PositionQuery filter,
        CancellationToken cancellationToken) =>
        Count(nameof(FindPositionPagesAsync), () => inner.FindPositionPagesAsync(anchor, ids, filter, cancellationToken));

    public Task<IReadOnlyDictionary<string, Page<PositionEdge>>> FindActorStancesAsync(IReadOnlyCollection<string> actorIds, Stance? stance, int first,
        CancellationToken cancellationToken) =>
        Count(nameof(FindActorStancesAsync), () => inner.FindActorStancesAsync(actorIds, stance, first, cancellationToken));

    public Task<IReadOnlyDictionary<PositionEdgeKey, Page<ReportSummary>>> FindStanceReportsAsync(IReadOnlyCollection<PositionEdgeKey> edges, int first,
        string? after, CancellationToken cancellationToken) =>
        Count(nameof(FindStanceReportsAsync), () => inner.FindStanceReportsAsync(edges, first, after, cancellationToken));

    public Task<bool> SetStatementStatusAsync(string statementId, StatementStatus status, CancellationToken cancellationToken) =>
        Count(nameof(SetStatementStatusAsync), () => inner.SetStatementStatusAsync(statementId, status, cancellationToken));

    public IAsyncEnumerable<Report> ReadReportsAsync(CancellationToken cancellationToken) => inner.ReadReportsAsync(cancellationToken);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => inner.GetStatisticsAsync(cancellationToken);

    public Task<Page<PositionEdge>> FindPositionEdgesAsync(PositionEdgeQuery query, CancellationToken cancellationToken) =>
        Count(nameof(FindPositionEdgesAsync), () => inner.FindPositionEdgesAsync(query, cancellationToken));

    public Task<IReadOnlyList<TimelinePeriod>> GetTimelineAsync(string targetId, TimelineGranularity granularity, CancellationToken cancellationToken) =>
        Count(nameof(GetTimelineAsync), () => inner.GetTimelineAsync(targetId, granularity, cancellationToken));

    public Task<Page<AlignedActor>> FindAlignedActorsAsync(string actorId, int first, string? after, CancellationToken cancellationToken) =>
        Count(nameof(FindAlignedActorsAsync), () => inner.FindAlignedActorsAsync(actorId, first, after, cancellationToken));

    public Task<IReadOnlyList<Coalition>> GetCoalitionsAsync(string targetId, Stance stance, CancellationToken cancellationToken) =>
        Count(nameof(GetCoalitionsAsync), () => inner.GetCoalitionsAsync(targetId, stance, cancellationToken));

    public Task<Page<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        Searches.Enqueue(query);
        return Count(nameof(SearchAsync), () => inner.SearchAsync(query, cancellationToken));
    }

    public Task<Page<ReportSummary>> FindReportsAsync(ReportQuery query, CancellationToken cancellationToken) =>
        Count(nameof(FindReportsAsync), () => inner.FindReportsAsync(query, cancellationToken));

    public Task<Page<EventRecord>> FindEventsAsync(ReportQuery query, CancellationToken cancellationToken) =>
        Count(nameof(FindEventsAsync), () => inner.FindEventsAsync(query, cancellationToken));

    public Task<string?> GetReportTextAsync(string reportId, CancellationToken cancellationToken) =>
        Count(nameof(GetReportTextAsync), () => inner.GetReportTextAsync(reportId, cancellationToken));

    public Task<GraphStatistics> GetGraphStatisticsAsync(TimelineGranularity granularity, int top, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken) =>
        Count(nameof(GetGraphStatisticsAsync), () => inner.GetGraphStatisticsAsync(granularity, top, from, to, cancellationToken));

    public Task<AuditEntry?> CurateAsync(CurationRequest request, string who, CancellationToken cancellationToken) =>
        Count(nameof(CurateAsync), () => inner.CurateAsync(request, who, cancellationToken));

    public Task<Page<AuditEntry>> GetAuditLogAsync(string? subject, int first, string? after, CancellationToken cancellationToken) =>
        Count(nameof(GetAuditLogAsync), () => inner.GetAuditLogAsync(subject, first, after, cancellationToken));

    public Task<GraphView> GetGraphViewAsync(GraphViewQuery query, CancellationToken cancellationToken) =>
        Count(nameof(GetGraphViewAsync), () => inner.GetGraphViewAsync(query, cancellationToken));
}
