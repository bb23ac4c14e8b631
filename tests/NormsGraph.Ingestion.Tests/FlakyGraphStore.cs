using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Ingestion.Tests;

/// <summary>
/// Wraps a real store: <see cref="ApplyAsync"/> throws <see cref="StoreUnavailableException"/> for the next
/// <see cref="FailuresLeft"/> calls, or for as long as <see cref="Down"/> is set, and counts what reaches it.
/// </summary>
internal sealed class FlakyGraphStore(IGraphStore inner) : IGraphStore
{
    private int _failuresLeft;
    private int _applyCalls;
    private int _committed;
    private int _inFlight;
    private int _maxInFlight;

    public int FailuresLeft
    {
        get => Volatile.Read(ref _failuresLeft);
        set => Volatile.Write(ref _failuresLeft, value);
    }

    public bool Down { get; set; }

    /// <summary>Runs at the start of each apply, while the worker still holds the file it read (a writer still at work, say).</summary>
    public Action? BeforeApply { get; set; }

    /// <summary>Held inside each apply, so concurrent callers overlap and can be counted.</summary>
    public TimeSpan ApplyDelay { get; set; }

    public int ApplyCalls => Volatile.Read(ref _applyCalls);
    public int Committed => Volatile.Read(ref _committed);
    public int MaxConcurrentApplies => Volatile.Read(ref _maxInFlight);

    public async Task<ApplyResult> ApplyAsync(ReportGraph graph, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _applyCalls);
        BeforeApply?.Invoke();
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            int seen;
            while ((seen = Volatile.Read(ref _maxInFlight)) < inFlight && Interlocked.CompareExchange(ref _maxInFlight, inFlight, seen) != seen)
            {
            }
            if (ApplyDelay > TimeSpan.Zero)
            {
                await Task.Delay(ApplyDelay, cancellationToken);
            }
            if (Down || Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                throw new StoreUnavailableException("The test store is unavailable.");
            }
            var result = await inner.ApplyAsync(graph, cancellationToken);
            Interlocked.Increment(ref _committed);
            return result;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task ApplyTaxonomyAsync(TaxonomyGraph taxonomy, CancellationToken cancellationToken) => inner.ApplyTaxonomyAsync(taxonomy, cancellationToken);

    public Task<IReadOnlyDictionary<string, Actor>> GetActorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        inner.GetActorsAsync(ids, cancellationToken);

    public Task<IReadOnlyDictionary<string, Target>> GetTargetsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        inner.GetTargetsAsync(ids, cancellationToken);

    public Task<IReadOnlyDictionary<string, ReportSummary>> GetReportsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        inner.GetReportsAsync(ids, cancellationToken);

    public Task<PositionPage> FindPositionsAsync(PositionQuery query, CancellationToken cancellationToken) => inner.FindPositionsAsync(query, cancellationToken);

    public Task<IReadOnlyDictionary<PositionEdgeKey, IReadOnlyList<PositionRecord>>> FindEvidenceAsync(IReadOnlyCollection<PositionEdgeKey> edges, int first,
        CancellationToken cancellationToken) => inner.FindEvidenceAsync(edges, first, cancellationToken);

    public Task<IReadOnlyDictionary<string, PositionPage>> FindPositionPagesAsync(PositionAnchor anchor, IReadOnlyCollection<string> ids, PositionQuery filter,
        CancellationToken cancellationToken) => inner.FindPositionPagesAsync(anchor, ids, filter, cancellationToken);

    public Task<IReadOnlyDictionary<string, Page<PositionEdge>>> FindActorStancesAsync(IReadOnlyCollection<string> actorIds, Stance? stance, int first,
        CancellationToken cancellationToken) => inner.FindActorStancesAsync(actorIds, stance, first, cancellationToken);

    public Task<IReadOnlyDictionary<PositionEdgeKey, Page<ReportSummary>>> FindStanceReportsAsync(IReadOnlyCollection<PositionEdgeKey> edges, int first,
        string? after, CancellationToken cancellationToken) => inner.FindStanceReportsAsync(edges, first, after, cancellationToken);

    public Task<bool> SetStatementStatusAsync(string statementId, StatementStatus status, CancellationToken cancellationToken) =>
        inner.SetStatementStatusAsync(statementId, status, cancellationToken);

    public IAsyncEnumerable<Report> ReadReportsAsync(CancellationToken cancellationToken) => inner.ReadReportsAsync(cancellationToken);

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => inner.GetStatisticsAsync(cancellationToken);

    public Task<Page<PositionEdge>> FindPositionEdgesAsync(PositionEdgeQuery query, CancellationToken cancellationToken) => inner.FindPositionEdgesAsync(query, cancellationToken);

    public Task<IReadOnlyList<TimelinePeriod>> GetTimelineAsync(string targetId, TimelineGranularity granularity, CancellationToken cancellationToken) => inner.GetTimelineAsync(targetId, granularity, cancellationToken);

    public Task<Page<AlignedActor>> FindAlignedActorsAsync(string actorId, int first, string? after, CancellationToken cancellationToken) => inner.FindAlignedActorsAsync(actorId, first, after, cancellationToken);

    public Task<IReadOnlyList<Coalition>> GetCoalitionsAsync(string targetId, Stance stance, CancellationToken cancellationToken) => inner.GetCoalitionsAsync(targetId, stance, cancellationToken);

    public Task<Page<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken) => inner.SearchAsync(query, cancellationToken);

    public Task<Page<ReportSummary>> FindReportsAsync(ReportQuery query, CancellationToken cancellationToken) => inner.FindReportsAsync(query, cancellationToken);

    public Task<Page<EventRecord>> FindEventsAsync(ReportQuery query, CancellationToken cancellationToken) => inner.FindEventsAsync(query, cancellationToken);

    public Task<string?> GetReportTextAsync(string reportId, CancellationToken cancellationToken) => inner.GetReportTextAsync(reportId, cancellationToken);

    public Task<GraphStatistics> GetGraphStatisticsAsync(TimelineGranularity granularity, int top, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken) => inner.GetGraphStatisticsAsync(granularity, top, from, to, cancellationToken);

    public Task<AuditEntry?> CurateAsync(CurationRequest request, string who, CancellationToken cancellationToken) => inner.CurateAsync(request, who, cancellationToken);

    public Task<Page<AuditEntry>> GetAuditLogAsync(string? subject, int first, string? after, CancellationToken cancellationToken) => inner.GetAuditLogAsync(subject, first, after, cancellationToken);
    public Task<GraphView> GetGraphViewAsync(GraphViewQuery query, CancellationToken cancellationToken) => inner.GetGraphViewAsync(query, cancellationToken);
}
