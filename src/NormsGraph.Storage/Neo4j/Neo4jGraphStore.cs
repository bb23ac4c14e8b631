using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// The graph in Neo4j, over the HTTP Query API. It gives the embedded store's answers (the store contract
/// tests hold it to that): the same ids, the same (sortDate, id) keyset cursor, the same curation rules.
/// Every write is one auto-commit request of one parameterised statement (a report's whole graph, a
/// curation change with its audit entry, the taxonomy), which takes its locks in one global order; the Cypher is in
/// <c>graph-schema/neo4j</c>. Dates travel and are stored as ISO strings (<c>yyyy-MM-dd</c>), which is what the
/// plain-JSON answers carry anyway and what keyset comparison needs. Partial: read methods may live in
/// other files.
/// </summary>
internal sealed partial class Neo4jGraphStore(Neo4jQueryClient client, Neo4jMigrator migrator, TimeProvider clock) : IGraphStore
{
    private const int ReportPageSize = 50;
    private readonly Neo4jAnalystQueries _analyst = new(client);
    private readonly Neo4jCuration _curation = new(client, clock);

    public Task InitializeAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    // The hash is the embedded store's (the taxonomy as JSON): apply_taxonomy writes nothing when it is unchanged.
    public Task ApplyTaxonomyAsync(TaxonomyGraph taxonomy, CancellationToken cancellationToken) =>
        client.WriteAsync(Neo4jQueries.ApplyTaxonomy.With(
            ("hash", Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(taxonomy)))),
            ("actors", taxonomy.Actors.OrderBy(a => a.Id, StringComparer.Ordinal).Select(ActorRow).ToList()),
            ("targets", taxonomy.Targets.OrderBy(t => t.Id, StringComparer.Ordinal).Select(TargetRow).ToList()),
            ("processes", taxonomy.Processes.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => new { p.Id, p.Name, p.Acronym }).ToList()),
            ("frameworks", taxonomy.Frameworks.OrderBy(f => f.Id, StringComparer.Ordinal).Select(f => new { f.Id, f.Name, f.Year }).ToList())),
            cancellationToken);

    public async Task<ApplyResult> ApplyAsync(ReportGraph graph, CancellationToken cancellationToken)
    {
        var report = graph.Report;
        // One token per call, the same in every retry of it: an attempt that finds its own token on the report
        // knows an earlier attempt of this very write committed, and answers that attempt's outcome.
        var writeToken = Guid.NewGuid().ToString("N");
        var row = (await client.WriteAsync(Neo4jQueries.ApplyReport.With(
            ("writeToken", writeToken),
            ("who", graph.SubmittedBy),
            ("reextraction", graph.Reextraction),
            ("report", new
            {
                report.Id,
                report.Title,
                Date = StoredDates.Text(report.Date),
                report.Source,
                report.Text,
                Format = EnumNames.ToSnakeCase(report.Format),
                report.ExtractorVersion,
                IngestedAt = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
                EventId = graph.Event?.Id,
            }),
            ("process", graph.Process is { } process ? new { process.Id, process.Name, process.Acronym } : null),
            ("event", graph.Event is { } e ? new { e.Id, e.Title, Date = StoredDates.Text(e.Date), e.Start, e.End, e.ProcessId } : null),
            // Sorted here as the statement sorts them again: the order is the lock order (see apply_report.cypher).
            ("actors", graph.Actors.OrderBy(a => a.Id, StringComparer.Ordinal).Select(ActorRow).ToList()),
            ("targets", graph.Targets.OrderBy(t => t.Id, StringComparer.Ordinal).Select(TargetRow).ToList()),
            ("date", StoredDates.Text(report.Date)),
            ("sortDate", PositionCursor.SortKey(report.Date)),
            ("statements", graph.Positions.Select(p => new
            {
                p.Id,
                p.ActorId,
                p.TargetId,
                Stance = EnumNames.ToSnakeCase(p.Stance),
                p.Evidence,
                p.EvidenceStart,
                p.EvidenceLength,
                p.Confidence,
                p.SpeakerId,
            }).ToList())), cancellationToken)).Single();
        var outcome = row.GetString("outcome") switch
        {
            "ingested" => ApplyOutcome.Ingested,
            "replaced" => ApplyOutcome.Replaced,
            "unchanged" => ApplyOutcome.Unchanged,
            var other => throw new Neo4jException(Neo4jErrorKind.Protocol, null, $"apply_report answered an unknown outcome '{other}'."),
        };
        return new ApplyResult(report.Id, outcome, graph.Actors.Count, graph.Positions.Count, row.GetNullableString("replacedId"),
            row.GetNullableString("staleReportId"));
    }

    public async Task<IReadOnlyDictionary<string, Actor>> GetActorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await Neo4jActorLookup.GetAsync(client, ids, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Target>> GetTargetsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await ByIdsAsync(Neo4jQueries.GetTargets, ids, r => new Target(r.GetString("id"), r.GetString("name"), EnumNames.Parse<TargetKind>(r.GetString("kind")),
            r.GetNullableString("description"), r.GetNullableString("frameworkId")), t => t.Id, cancellationToken);

    public async Task<IReadOnlyDictionary<string, ReportSummary>> GetReportsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await ByIdsAsync(Neo4jQueries.GetReports, ids, r => new ReportSummary(r.GetString("id"), r.GetString("title"), r.GetNullableDate("date"),
            r.GetNullableString("source"), EnumNames.Parse<ReportFormat>(r.GetString("format")), r.GetString("extractorVersion"),
            DateTimeOffset.Parse(r.GetString("ingestedAt"), CultureInfo.InvariantCulture), r.GetNullableString("eventId")), s => s.Id, cancellationToken);

    public async Task<PositionPage> FindPositionsAsync(PositionQuery query, CancellationToken cancellationToken)
    {
        // Decoded before any request, so a bad cursor is the caller's ArgumentException as in the embedded store.
        PositionCursor? cursor = query.After is null ? null : PositionCursor.Decode(query.After);
        var first = Math.Clamp(query.First, 0, PositionQuery.MaxPageSize);
        (string, object?)[] filter =
        [
            ("targetId", query.TargetId),
            ("actorId", await Neo4jActorLookup.ResolveAsync(client, query.ActorId, cancellationToken)),
            ("reportId", query.ReportId),
            ("stance", query.Stance is { } stance ? EnumNames.ToSnakeCase(stance) : null),
            ("includeRejected", query.IncludeRejected),
            ("minConfidence", query.MinConfidence),
        ];
        var total = (await client.RunAsync(Neo4jQueries.CountPositions.With(filter), cancellationToken)).Single().GetInt32("total");
        // One statement per anchor, each reading its index in page order (see find_positions_*.cypher).
        var page = query.TargetId is not null ? Neo4jQueries.FindPositionsByTarget
            : query.ActorId is not null ? Neo4jQueries.FindPositionsByActor
            : query.ReportId is not null ? Neo4jQueries.FindPositionsByReport
            : Neo4jQueries.FindPositionsAll;
        var rows = await client.RunAsync(page.With(
        [
            .. filter,
            ("afterDate", cursor?.SortDate),
            ("afterId", cursor?.Id),
            ("limit", first + 1),
        ]), cancellationToken);
        return PositionPage.From([.. rows.Records.Select(Statement)], first, total);
    }

    public async Task<bool> SetStatementStatusAsync(string statementId, StatementStatus status, CancellationToken cancellationToken)
    {
        var rows = await client.WriteAsync(Neo4jQueries.SetStatementStatus.With(
            ("statementId", statementId),
            ("status", EnumNames.ToSnakeCase(status)),
            ("updatedAt", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))), cancellationToken);
        return rows.Records.Count > 0;
    }

    public async IAsyncEnumerable<Report> ReadReportsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Keyset pages over (ingestedAt, id): stable while reports are added, and no response holds every text.
        (string IngestedAt, string Id)? after = null;
        while (true)
        {
            var page = await client.RunAsync(Neo4jQueries.ReadReports.With(
                ("afterIngestedAt", after?.IngestedAt),
                ("afterId", after?.Id),
                ("limit", ReportPageSize)), cancellationToken);
            foreach (var r in page.Records)
            {
                yield return new Report(r.GetString("id"), r.GetString("title"), r.GetNullableDate("date"), r.GetNullableString("source"),
                    r.GetString("text"), EnumNames.Parse<ReportFormat>(r.GetString("format")), r.GetString("extractorVersion"));
            }
            if (page.Records.Count < ReportPageSize)
            {
                yield break;
            }
            var last = page.Records[^1];
            after = (last.GetString("ingestedAt"), last.GetString("id"));
        }
    }

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        var counts = (await client.RunAsync(Neo4jQueries.Statistics.With(), cancellationToken)).Single();
        return new StoreStatistics(counts.GetInt32("reports"), counts.GetInt32("actors"), counts.GetInt32("statements"),
            counts.GetInt32("targets"), counts.GetInt32("events"));
    }

    public Task<Page<PositionEdge>> FindPositionEdgesAsync(PositionEdgeQuery query, CancellationToken cancellationToken) => _analyst.FindPositionEdgesAsync(query, cancellationToken);

    public Task<IReadOnlyDictionary<string, Page<PositionEdge>>> FindActorStancesAsync(IReadOnlyCollection<string> actorIds, Stance? stance, int first,
        CancellationToken cancellationToken) => _analyst.FindActorStancesAsync(actorIds, stance, first, cancellationToken);

    public Task<IReadOnlyList<TimelinePeriod>> GetTimelineAsync(string targetId, TimelineGranularity granularity, CancellationToken cancellationToken) => _analyst.GetTimelineAsync(targetId, granularity, cancellationToken);

    public Task<Page<AlignedActor>> FindAlignedActorsAsync(string actorId, int first, string? after, CancellationToken cancellationToken) => _analyst.FindAlignedActorsAsync(actorId, first, after, cancellationToken);

    public Task<IReadOnlyList<Coalition>> GetCoalitionsAsync(string targetId, Stance stance, CancellationToken cancellationToken) => _analyst.GetCoalitionsAsync(targetId, stance, cancellationToken);

    public Task<Page<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken) => _analyst.SearchAsync(query, cancellationToken);

    public Task<Page<ReportSummary>> FindReportsAsync(ReportQuery query, CancellationToken cancellationToken) => _analyst.FindReportsAsync(query, cancellationToken);

    public Task<IReadOnlyDictionary<PositionEdgeKey, Page<ReportSummary>>> FindStanceReportsAsync(IReadOnlyCollection<PositionEdgeKey> edges, int first,
        string? after, CancellationToken cancellationToken) => _analyst.FindStanceReportsAsync(edges, first, after, cancellationToken);

    public Task<Page<EventRecord>> FindEventsAsync(ReportQuery query, CancellationToken cancellationToken) => _analyst.FindEventsAsync(query, cancellationToken);

    public Task<string?> GetReportTextAsync(string reportId, CancellationToken cancellationToken) => _analyst.GetReportTextAsync(reportId, cancellationToken);

    public Task<GraphStatistics> GetGraphStatisticsAsync(TimelineGranularity granularity, int top, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken) => _analyst.GetGraphStatisticsAsync(granularity, top, from, to, cancellationToken);

    public Task<AuditEntry?> CurateAsync(CurationRequest request, string who, CancellationToken cancellationToken) => _curation.CurateAsync(request, who, cancellationToken);

    public Task<Page<AuditEntry>> GetAuditLogAsync(string? subject, int first, string? after, CancellationToken cancellationToken) => _curation.GetAuditLogAsync(subject, first, after, cancellationToken);

    public Task<GraphView> GetGraphViewAsync(GraphViewQuery query, CancellationToken cancellationToken) =>
        new Neo4jGraphViewQuery(client).GetAsync(query, this, cancellationToken);

    private async Task<IReadOnlyDictionary<string, T>> ByIdsAsync<T>(CypherQuery query, IReadOnlyCollection<string> ids, Func<Neo4jRecord, T> map,
        Func<T, string> key, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }
        var rows = await client.RunAsync(query.With(("ids", ids.Distinct(StringComparer.Ordinal).ToList())), cancellationToken);
        foreach (var row in rows.Records)
        {
            var item = map(row);
            result[key(item)] = item;
        }
        return result;
    }

    private static object ActorRow(Actor a) => new { a.Id, a.Name, Type = EnumNames.ToSnakeCase(a.Type), a.Aliases, a.Curated };

    private static object TargetRow(Target t) => new { t.Id, t.Name, Kind = EnumNames.ToSnakeCase(t.Kind), t.Description, t.FrameworkId };

}
