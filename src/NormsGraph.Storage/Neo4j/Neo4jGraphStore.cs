using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// The graph in Neo4j, over the HTTP Query API. It gives the embedded store's answers (the store contract
/// tests hold it to that): the same ids, the same (sortDate, id) keyset cursor, the same curation rules.
/// Each report is applied in one explicit transaction of a few batched (UNWIND) statements; the Cypher is in
/// <c>graph-schema/neo4j</c>. Dates travel and are stored as ISO strings (<c>yyyy-MM-dd</c>), which is what the
/// plain-JSON answers carry anyway and what keyset comparison needs.
/// </summary>
internal sealed class Neo4jGraphStore(Neo4jQueryClient client, Neo4jMigrator migrator, TimeProvider clock) : IGraphStore
{
    private const int ReportPageSize = 50;
    private readonly Neo4jAnalystQueries _analyst = new(client, clock);

    public Task InitializeAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task ApplyTaxonomyAsync(TaxonomyGraph taxonomy, CancellationToken cancellationToken) =>
        client.ExecuteInTransactionAsync(async (transaction, token) =>
        {
            // Frameworks before targets, so norms find the framework they are DEFINED_IN.
            var frameworks = taxonomy.Frameworks.Select(f => new { f.Id, f.Name, f.Year }).ToList();
            var processes = taxonomy.Processes.Select(p => new { p.Id, p.Name, p.Acronym }).ToList();
            await transaction.RunAsync(Neo4jQueries.UpsertFrameworks.With(("frameworks", frameworks)), token);
            await transaction.RunAsync(Neo4jQueries.UpsertTargets.With(("targets", taxonomy.Targets.Select(TargetRow).ToList())), token);
            await transaction.RunAsync(Neo4jQueries.UpsertProcesses.With(("processes", processes)), token);
            await transaction.RunAsync(Neo4jQueries.UpsertActors.With(("actors", taxonomy.Actors.Select(ActorRow).ToList())), token);
            return true;
        }, cancellationToken);

    public Task<ApplyResult> ApplyAsync(ReportGraph graph, CancellationToken cancellationToken) =>
        client.ExecuteInTransactionAsync(async (transaction, token) =>
        {
            var report = graph.Report;
            var state = (await transaction.RunAsync(Neo4jQueries.ReportState.With(("reportId", report.Id), ("source", report.Source)), token))
                .Single();
            var storedVersion = state.GetNullableString("storedVersion");
            if (storedVersion == report.ExtractorVersion)
            {
                return new ApplyResult(report.Id, ApplyOutcome.Unchanged, graph.Actors.Count, graph.Positions.Count);
            }

            // Pairs whose derived position edges change: those of deleted statements and those of new ones.
            var touched = new HashSet<(string ActorId, string TargetId)>();
            string? replaced = null;
            var ingestedAt = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            if (storedVersion is not null)
            {
                // Same text from another extractor: only this report's extraction changes. It keeps its first
                // ingestion time so re-extraction does not reorder the reports.
                await DeleteReportAsync(transaction, report.Id, touched, token);
                (replaced, ingestedAt) = (report.Id, state.GetString("storedIngestedAt"));
            }
            if (state.GetNullableString("previousId") is { } previous)
            {
                await DeleteReportAsync(transaction, previous, touched, token);
                replaced = previous;
            }
            if (graph.Process is { } process)
            {
                await transaction.RunAsync(Neo4jQueries.MergeProcess.With(("process", new { process.Id, process.Name, process.Acronym })), token);
            }
            if (graph.Event is { } e)
            {
                var row = new { e.Id, e.Title, Date = DateText(e.Date), e.Start, e.End, e.ProcessId };
                await transaction.RunAsync(Neo4jQueries.MergeEvent.With(("event", row)), token);
            }
            await transaction.RunAsync(Neo4jQueries.CreateReport.With(("report", new
            {
                report.Id,
                report.Title,
                Date = DateText(report.Date),
                report.Source,
                report.Text,
                Format = EnumNames.ToSnakeCase(report.Format),
                report.ExtractorVersion,
                IngestedAt = ingestedAt,
                EventId = graph.Event?.Id,
            })), token);
            if (graph.Actors.Count > 0)
            {
                await transaction.RunAsync(Neo4jQueries.UpsertActors.With(("actors", graph.Actors.Select(ActorRow).ToList())), token);
            }
            if (graph.Targets.Count > 0)
            {
                await transaction.RunAsync(Neo4jQueries.UpsertTargets.With(("targets", graph.Targets.Select(TargetRow).ToList())), token);
            }
            if (graph.Positions.Count > 0)
            {
                await transaction.RunAsync(Neo4jQueries.MergeStatements.With(
                    ("reportId", report.Id),
                    ("eventId", graph.Event?.Id),
                    ("date", DateText(report.Date)),
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
                    }).ToList())), token);
                touched.UnionWith(graph.Positions.Select(p => (p.ActorId, p.TargetId)));
            }
            await RecomputePositionsAsync(transaction, touched, token);
            return new ApplyResult(report.Id, replaced is null ? ApplyOutcome.Ingested : ApplyOutcome.Replaced,
                graph.Actors.Count, graph.Positions.Count, replaced);
        }, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Actor>> GetActorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await ByIdsAsync(Neo4jQueries.GetActors, ids, r => new Actor(r.GetString("id"), r.GetString("name"), EnumNames.Parse<ActorType>(r.GetString("type")),
            r.GetStringList("aliases"), r.GetBoolean("curated")), a => a.Id, cancellationToken);

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
            ("actorId", query.ActorId),
            ("stance", query.Stance is { } stance ? EnumNames.ToSnakeCase(stance) : null),
            ("includeRejected", query.IncludeRejected),
        ];
        var total = (await client.RunAsync(Neo4jQueries.CountPositions.With(filter), cancellationToken)).Single().GetInt32("total");
        var rows = await client.RunAsync(Neo4jQueries.FindPositions.With(
        [
            .. filter,
            ("afterDate", cursor?.SortDate),
            ("afterId", cursor?.Id),
            ("limit", first + 1),
        ]), cancellationToken);
        var items = rows.Records.Select(r => new PositionRecord(
            r.GetString("id"), r.GetString("actorId"), EnumNames.Parse<Stance>(r.GetString("stance")), r.GetString("targetId"),
            r.GetString("evidence"), r.GetInt32("evidenceStart"), r.GetInt32("evidenceLength"), r.GetDouble("confidence"),
            EnumNames.Parse<StatementStatus>(r.GetString("status")), r.GetString("reportId"), r.GetNullableDate("date"),
            r.GetNullableString("eventId"))).ToList();
        var hasNext = items.Count > first;
        return new PositionPage(hasNext ? items[..first] : items, total, hasNext);
    }

    public Task<bool> SetStatementStatusAsync(string statementId, StatementStatus status, CancellationToken cancellationToken) =>
        client.ExecuteInTransactionAsync(async (transaction, token) =>
        {
            var rows = await transaction.RunAsync(Neo4jQueries.SetStatementStatus.With(
                ("statementId", statementId),
                ("status", EnumNames.ToSnakeCase(status)),
                ("updatedAt", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))), token);
            if (rows.Records.Count == 0)
            {
                return false;
            }
            var statement = rows.Records[0];
            await RecomputePositionsAsync(transaction, [(statement.GetString("actorId"), statement.GetString("targetId"))], token);
            return true;
        }, cancellationToken);

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

    public Task<IReadOnlyList<TimelinePeriod>> GetTimelineAsync(string targetId, TimelineGranularity granularity, CancellationToken cancellationToken) => _analyst.GetTimelineAsync(targetId, granularity, cancellationToken);

    public Task<Page<AlignedActor>> FindAlignedActorsAsync(string actorId, int first, string? after, CancellationToken cancellationToken) => _analyst.FindAlignedActorsAsync(actorId, first, after, cancellationToken);

    public Task<IReadOnlyList<Coalition>> GetCoalitionsAsync(string targetId, Stance stance, CancellationToken cancellationToken) => _analyst.GetCoalitionsAsync(targetId, stance, cancellationToken);

    public Task<Page<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken) => _analyst.SearchAsync(query, cancellationToken);

    public Task<Page<ReportSummary>> FindReportsAsync(ReportQuery query, CancellationToken cancellationToken) => _analyst.FindReportsAsync(query, cancellationToken);

    public Task<Page<EventRecord>> FindEventsAsync(ReportQuery query, CancellationToken cancellationToken) => _analyst.FindEventsAsync(query, cancellationToken);

    public Task<string?> GetReportTextAsync(string reportId, CancellationToken cancellationToken) => _analyst.GetReportTextAsync(reportId, cancellationToken);

    public Task<GraphStatistics> GetGraphStatisticsAsync(TimelineGranularity granularity, int top, CancellationToken cancellationToken) => _analyst.GetGraphStatisticsAsync(granularity, top, cancellationToken);

    public Task<AuditEntry?> CurateAsync(CurationRequest request, string who, CancellationToken cancellationToken) => _analyst.CurateAsync(request, who, cancellationToken);

    public Task<Page<AuditEntry>> GetAuditLogAsync(string? subject, int first, string? after, CancellationToken cancellationToken) => _analyst.GetAuditLogAsync(subject, first, after, cancellationToken);

    // Statements go with their report; curation stays, keyed by statement id, for the statements that come back.
    private static async Task DeleteReportAsync(Neo4jTransaction transaction, string reportId, HashSet<(string ActorId, string TargetId)> touched,
        CancellationToken cancellationToken)
    {
        var deleted = await transaction.RunAsync(Neo4jQueries.DeleteReport.With(("reportId", reportId)), cancellationToken);
        foreach (var pair in deleted.Records.SelectMany(r => r["pairs"].EnumerateArray()))
        {
            touched.Add((Text(pair, "actorId"), Text(pair, "targetId")));
        }
    }

    private static Task RecomputePositionsAsync(Neo4jTransaction transaction, HashSet<(string ActorId, string TargetId)> pairs,
        CancellationToken cancellationToken) =>
        pairs.Count == 0
            ? Task.CompletedTask
            : transaction.RunAsync(Neo4jQueries.RecomputePositions.With(("pairs", pairs.Select(p => new { p.ActorId, p.TargetId }).ToList())), cancellationToken);

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

    private static string? DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString() ?? "";
}
