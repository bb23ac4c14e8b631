using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The default store: one SQLite file. Each report is applied in one transaction; writes are serialised
/// in-process and reads run beside them (<see cref="EmbeddedDatabase"/>). The SQL lives in
/// <see cref="EmbeddedWrites"/>, <see cref="EmbeddedReads"/> and <see cref="ReportVersions"/>; rows map in <see cref="EmbeddedRows"/>.
/// </summary>
public sealed class EmbeddedGraphStore : IGraphStore, IDisposable
{
    private readonly EmbeddedDatabase _database;
    private readonly TimeProvider _clock;
    private readonly SearchRankingCache _searchRankings;
    private readonly SearchIndexFeed? _searchIndex;

    public EmbeddedGraphStore(string path, TimeProvider? clock = null, int searchCacheMegabytes = EmbeddedStoreOptions.DefaultSearchCacheMegabytes,
        bool searchIndexInMemory = true, ILogger? logger = null)
    {
        _database = new EmbeddedDatabase(path);
        if (!_database.MultiThread)
        {
            Log.SqliteSerialized(logger ?? NullLogger.Instance);
        }
        _clock = clock ?? TimeProvider.System;
        _searchRankings = new SearchRankingCache(searchCacheMegabytes * 1024L * 1024L);
        _searchIndex = searchIndexInMemory ? new SearchIndexFeed(_database, logger ?? NullLogger.Instance) : null;
    }

    public string Path => _database.Path;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await EmbeddedWrites.InitializeAsync(connection, cancellationToken);
    }

    public Task ApplyTaxonomyAsync(TaxonomyGraph taxonomy, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (connection, transaction) =>
        {
            await EmbeddedWrites.ApplyTaxonomyAsync(connection, transaction, taxonomy, cancellationToken);
            return true;
        }, cancellationToken);

    public Task<ApplyResult> ApplyAsync(ReportGraph graph, CancellationToken cancellationToken) =>
        _database.WriteAsync(async (connection, transaction) =>
        {
            var now = _clock.GetUtcNow();
            var applied = await EmbeddedWrites.ApplyReportAsync(connection, transaction, graph, now, cancellationToken);
            if (graph.SubmittedBy is { } who)
            {
                await EmbeddedCuration.RecordAsync(connection, transaction, now, who, CurationAction.SubmitReport, applied.ReportId,
                    applied.ReplacedReportId, EnumNames.ToSnakeCase(applied.Outcome), cancellationToken);
            }
            return applied;
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, Actor>> GetActorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedReads.ActorsAsync(c, ids, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, Target>> GetTargetsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedReads.TargetsAsync(c, ids, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, ReportSummary>> GetReportsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedReads.ReportsAsync(c, ids, cancellationToken), cancellationToken);

    public Task<PositionPage> FindPositionsAsync(PositionQuery query, CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedReads.FindPositionsAsync(c, query, cancellationToken), cancellationToken);

    public Task<bool> SetStatementStatusAsync(string statementId, StatementStatus status, CancellationToken cancellationToken) =>
        _database.WriteAsync((connection, transaction) =>
            EmbeddedWrites.SetStatementStatusAsync(connection, transaction, statementId, status, _clock.GetUtcNow(), cancellationToken), cancellationToken);

    public async IAsyncEnumerable<Report> ReadReportsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"SELECT {EmbeddedRows.ReportColumns} FROM reports ORDER BY ingested_at, id;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return EmbeddedRows.Report(reader);
        }
    }

    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedReads.StatisticsAsync(c, cancellationToken), cancellationToken);

    public Task<Page<PositionEdge>> FindPositionEdgesAsync(PositionEdgeQuery query, CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedAnalystReads.FindPositionEdgesAsync(c, query, cancellationToken), cancellationToken);
    public Task<GraphView> GetGraphViewAsync(GraphViewQuery query, CancellationToken cancellationToken) =>
        new EmbeddedGraphViewQuery(_database.OpenAsync).GetAsync(query, this, cancellationToken);

    public Task<IReadOnlyDictionary<PositionEdgeKey, IReadOnlyList<PositionRecord>>> FindEvidenceAsync(IReadOnlyCollection<PositionEdgeKey> edges, int first,
        CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedEvidence.FindAsync(c, edges, first, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, PositionPage>> FindPositionPagesAsync(PositionAnchor anchor, IReadOnlyCollection<string> ids, PositionQuery filter,
        CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedPositionPages.FindAsync(c, anchor, ids, filter, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, Page<PositionEdge>>> FindActorStancesAsync(IReadOnlyCollection<string> actorIds, Stance? stance, int first,
        CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedActorStances.FindAsync(c, actorIds, stance, first, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<PositionEdgeKey, Page<ReportSummary>>> FindStanceReportsAsync(IReadOnlyCollection<PositionEdgeKey> edges, int first,
        string? after, CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedStanceReports.FindAsync(c, edges, first, after, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<TimelinePeriod>> GetTimelineAsync(string targetId, TimelineGranularity granularity, CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedAnalystReads.TimelineAsync(c, targetId, granularity, cancellationToken), cancellationToken);

    public Task<Page<AlignedActor>> FindAlignedActorsAsync(string actorId, int first, string? after, CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedAnalystReads.AlignedActorsAsync(c, actorId, first, after, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Coalition>> GetCoalitionsAsync(string targetId, Stance stance, CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedAnalystReads.CoalitionsAsync(c, targetId, stance, cancellationToken), cancellationToken);

    public Task<Page<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedSearch.SearchAsync(c, _searchRankings, _searchIndex, query, cancellationToken), cancellationToken);

    public Task<Page<ReportSummary>> FindReportsAsync(ReportQuery query, CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedAnalystReads.ReportsAsync(c, query, cancellationToken), cancellationToken);

    public Task<Page<EventRecord>> FindEventsAsync(ReportQuery query, CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedAnalystReads.EventsAsync(c, query, cancellationToken), cancellationToken);

    public Task<string?> GetReportTextAsync(string reportId, CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedAnalystReads.ReportTextAsync(c, reportId, cancellationToken), cancellationToken);

    public Task<GraphStatistics> GetGraphStatisticsAsync(TimelineGranularity granularity, int top, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedAnalystReads.GraphStatisticsAsync(c, granularity, top, from, to, cancellationToken), cancellationToken);

    public Task<AuditEntry?> CurateAsync(CurationRequest request, string who, CancellationToken cancellationToken) =>
        _database.WriteAsync((connection, transaction) =>
            EmbeddedCuration.CurateAsync(connection, transaction, request, who, _clock.GetUtcNow(), cancellationToken), cancellationToken);

    public Task<Page<AuditEntry>> GetAuditLogAsync(string? subject, int first, string? after, CancellationToken cancellationToken) =>
        ReadAsync(c => EmbeddedCuration.AuditLogAsync(c, subject, first, after, cancellationToken), cancellationToken);

    internal SearchRankingCache SearchRankings => _searchRankings;

    internal SearchIndexFeed? SearchIndex => _searchIndex;

    public void Dispose()
    {
        _searchIndex?.Dispose();
        _database.Dispose();
    }

    private Task<T> ReadAsync<T>(Func<Microsoft.Data.Sqlite.SqliteConnection, Task<T>> read, CancellationToken cancellationToken) =>
        _database.ReadAsync(read, cancellationToken);
}
