using System.Globalization;
using System.Text.Json;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// The analysts' questions on Neo4j, giving the embedded store's answers (same order, same cursors, the ranking
/// and grouping rules of <see cref="Alignment"/> and <see cref="Coalitions"/>, a merged actor's old id read as the
/// actor it was merged into). Kept apart from <see cref="Neo4jGraphStore"/>, which delegates to it, so the write
/// path and these reads change independently; curation is <see cref="Neo4jCuration"/>.
/// </summary>
internal sealed class Neo4jAnalystQueries(Neo4jQueryClient client)
{
    private static readonly Dictionary<Stance, string> Relationship = new()
    {
        [Stance.Support] = "SUPPORTS",
        [Stance.Oppose] = "OPPOSES",
        [Stance.Propose] = "PROPOSED",
        [Stance.Concern] = "CONCERNED_ABOUT",
    };

    public async Task<Page<PositionEdge>> FindPositionEdgesAsync(PositionEdgeQuery query, CancellationToken cancellationToken)
    {
        var first = Math.Clamp(query.First, 0, PositionQuery.MaxPageSize);
        var actorId = await Neo4jActorLookup.ResolveAsync(client, query.ActorId, cancellationToken);
        var after = query.AfterEdge(actorId);
        (string, object?)[] parameters =
        [
            ("targetId", query.TargetId), ("actorId", actorId), ("stance", Snake(query.Stance)), ("actorType", Snake(query.ActorType)),
            ("afterCount", after?.Statements), ("afterActor", after?.ActorId), ("afterTarget", after?.TargetId), ("afterStance", after?.Stance), ("limit", first + 1),
        ];
        var statement = query.FiltersStatements
            ? Neo4jAnalystCypher.StatementEdges.With([.. parameters, ("from", StoredDates.Text(query.From)), ("to", StoredDates.Text(query.To)),
                ("processId", query.ProcessId), ("minConfidence", query.MinConfidence)])
            : Neo4jAnalystCypher.Edges.With(parameters);
        var row = (await client.RunAsync(statement, cancellationToken)).Single();
        // A filtered edge reads its evidence and reports under the same filter.
        var filter = query.Statements;
        var edges = row["page"].EnumerateArray().Select(e => Edge(e) with { Filter = filter }).ToList();
        return Pages.From(edges, first, row.GetInt32("total"), e => e.Cursor);
    }

    public async Task<IReadOnlyDictionary<string, Page<PositionEdge>>> FindActorStancesAsync(IReadOnlyCollection<string> actorIds, Stance? stance,
        int first, CancellationToken cancellationToken)
    {
        first = Math.Clamp(first, 0, PositionQuery.MaxPageSize);
        var asked = actorIds.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, Page<PositionEdge>>(StringComparer.Ordinal);
        if (asked.Count == 0)
        {
            return result;
        }
        var rows = await client.RunAsync(Neo4jAnalystCypher.ActorStances.With(("actorIds", asked), ("stance", Snake(stance)), ("limit", first + 1)),
            cancellationToken);
        foreach (var row in rows.Records)
        {
            result[asked[row.GetInt32("i")]] = Pages.From([.. row["page"].EnumerateArray().Select(Edge)], first, row.GetInt32("total"), e => e.Cursor);
        }
        // The statement answers one row per id; should one be missing, its actor still gets its (empty) page, as the port promises.
        foreach (var id in asked.Where(id => !result.ContainsKey(id)))
        {
            result[id] = Pages.From(new List<PositionEdge>(), first, 0, e => e.Cursor);
        }
        return result;
    }

    public async Task<IReadOnlyList<TimelinePeriod>> GetTimelineAsync(string targetId, TimelineGranularity granularity, CancellationToken cancellationToken)
    {
        var length = PeriodKeys.Length(granularity);
        var counts = await client.RunAsync(Neo4jAnalystCypher.Timeline.With(("targetId", targetId), ("length", length)), cancellationToken);
        var joined = (await client.RunAsync(Neo4jAnalystCypher.TimelineJoined.With(("targetId", targetId), ("length", length)), cancellationToken))
            .Records.ToLookup(r => (r.GetString("period"), EnumNames.Parse<Stance>(r.GetString("stance"))), r => r.GetString("actorId"));
        return [.. counts.Records
            .Select(r => (Period: r.GetString("period"), Stance: EnumNames.Parse<Stance>(r.GetString("stance")), Actors: r.GetInt32("actors"), Statements: r.GetInt32("statements")))
            .OrderBy(c => c.Period, StringComparer.Ordinal).ThenBy(c => c.Stance)
            .Select(c => new TimelinePeriod(c.Period, c.Stance, c.Actors, c.Statements, [.. joined[(c.Period, c.Stance)].Order(StringComparer.Ordinal)]))];
    }

    public async Task<Page<AlignedActor>> FindAlignedActorsAsync(string actorId, int first, string? after, CancellationToken cancellationToken)
    {
        var offset = PageCursor.DecodeOffset("aligned", after);
        first = Math.Clamp(first, 0, PositionQuery.MaxPageSize);
        actorId = (await Neo4jActorLookup.ResolveAsync(client, actorId, cancellationToken))!;
        var edges = (await client.RunAsync(Neo4jAnalystCypher.AlignmentEdges.With(("actorId", actorId)), cancellationToken)).Records
            .Select(r => new PositionEdge(r.GetString("actorId"), r.GetString("targetId"), EnumNames.Parse<Stance>(r.GetString("stance")),
                r.GetInt32("statements"), r.GetNullableDate("first"), r.GetNullableDate("last"))).ToList();
        var ranked = Alignment.Rank([.. edges.Where(e => e.ActorId == actorId)], edges.Where(e => e.ActorId != actorId).GroupBy(e => e.ActorId));
        return Pages.FromOffset([.. ranked.Skip(offset).Take(first + 1)], offset, first, "aligned", ranked.Count);
    }

    public async Task<IReadOnlyList<Coalition>> GetCoalitionsAsync(string targetId, Stance stance, CancellationToken cancellationToken)
    {
        var rows = (await client.RunAsync(Neo4jAnalystCypher.Coalitions.With(("targetId", targetId), ("stance", Snake(stance)),
            ("relationship", Relationship[stance])), cancellationToken)).Records
            .Select(r => (Kind: r.GetString("kind"), Key: r.GetString("key"), Actor: r.GetString("actorId"), Statements: r.GetInt32("statements"))).ToList();
        return Coalitions.Group(
            rows.Where(r => r.Kind == "actor_type").Select(r => (r.Key, r.Actor, r.Statements)),
            rows.Where(r => r.Kind == "process").Select(r => (r.Key, r.Actor, r.Statements)));
    }

    public async Task<Page<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var offset = PageCursor.DecodeOffset("search", query.After);
        var first = Math.Clamp(query.First, 0, PositionQuery.MaxPageSize);
        var words = Words(query.Text);
        if (words.Count == 0)
        {
            return new Page<SearchHit>([], 0, false, null, []);
        }
        var lucene = string.Join(" AND ", words.Select(w => w + "*"));
        var row = (await client.RunAsync(Neo4jAnalystCypher.Search.With(("query", lucene),
            ("kinds", query.Kinds is { Count: > 0 } kinds ? kinds : SearchQuery.AllKinds), ("offset", offset), ("limit", first + 1)), cancellationToken)).Single();
        var hits = row["page"].EnumerateArray().Select(h => new SearchHit(Text(h, "kind")!, Text(h, "id")!, Text(h, "title") ?? "",
            Math.Round(h.GetProperty("score").GetDouble(), 4), null)).ToList();
        return Pages.FromOffset(hits, offset, first, "search", row.GetInt32("total"));
    }

    public async Task<Page<ReportSummary>> FindReportsAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        var (first, parameters) = await ListParametersAsync(query, "report", cancellationToken);
        var row = (await client.RunAsync(Neo4jAnalystCypher.Reports.With(parameters), cancellationToken)).Single();
        var reports = row["page"].EnumerateArray().Select(Summary).ToList();
        return Pages.From(reports, first, row.GetInt32("total"), r => PageCursor.Encode("report", PositionCursor.SortKey(r.Date), r.Id));
    }

    public async Task<IReadOnlyDictionary<PositionEdgeKey, Page<ReportSummary>>> FindStanceReportsAsync(IReadOnlyCollection<PositionEdgeKey> edges,
        int first, string? after, CancellationToken cancellationToken)
    {
        first = Math.Clamp(first, 0, PositionQuery.MaxPageSize);
        var cursor = after is null ? null : PageCursor.Decode(StanceReportList, after, 2);
        var keys = edges.Distinct().ToList();
        var result = new Dictionary<PositionEdgeKey, Page<ReportSummary>>();
        if (keys.Count == 0)
        {
            return result;
        }
        var rows = await client.RunAsync(Neo4jAnalystCypher.StanceReports.With(
            ("pairs", Neo4jEdgeKeys.Pairs(keys)),
            ("afterSort", cursor?[0]), ("afterId", cursor?[1]), ("limit", first + 1)), cancellationToken);
        foreach (var row in rows.Records)
        {
            result[keys[row.GetInt32("edge")]] = Pages.From([.. row["page"].EnumerateArray().Select(Summary)], first, row.GetInt32("total"),
                r => PageCursor.Encode(StanceReportList, PositionCursor.SortKey(r.Date), r.Id));
        }
        return result;
    }

    // The same list name as the embedded store's, so a cursor means the same in both.
    private const string StanceReportList = "stance-report";

    private static ReportSummary Summary(JsonElement r) => new(Text(r, "id")!, Text(r, "title")!, StoredDates.Parse(Text(r, "date")),
        Text(r, "source"), EnumNames.Parse<ReportFormat>(Text(r, "format")!), Text(r, "extractorVersion")!,
        DateTimeOffset.Parse(Text(r, "ingestedAt")!, CultureInfo.InvariantCulture), Text(r, "eventId"));

    public async Task<Page<EventRecord>> FindEventsAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        var (first, parameters) = await ListParametersAsync(query, "event", cancellationToken);
        var row = (await client.RunAsync(Neo4jAnalystCypher.Events.With(parameters), cancellationToken)).Single();
        var events = row["page"].EnumerateArray().Select(e => new EventRecord(Text(e, "id")!, Text(e, "title")!, StoredDates.Parse(Text(e, "date")),
            Text(e, "processId"), e.GetProperty("reports").GetInt32())).ToList();
        return Pages.From(events, first, row.GetInt32("total"), e => e.Cursor);
    }

    public async Task<string?> GetReportTextAsync(string reportId, CancellationToken cancellationToken) =>
        await client.RunAsync(Neo4jAnalystCypher.ReportText.With(("reportId", reportId)), cancellationToken)
        is { Records: [var row, ..] } ? row.GetNullableString("text") : null;

    public async Task<GraphStatistics> GetGraphStatisticsAsync(TimelineGranularity granularity, int top, DateOnly? from, DateOnly? to,
        CancellationToken cancellationToken)
    {
        top = Math.Clamp(top, 0, PositionQuery.MaxPageSize);
        var counts = (await client.RunAsync(Neo4jAnalystCypher.Statistics.With(), cancellationToken)).Single();
        // Over every date the rankings read the position relationships; within dates they count the statements in range.
        var leaders = (await client.RunAsync(from is null && to is null
            ? Neo4jAnalystCypher.Top.With(("top", top))
            : Neo4jAnalystCypher.TopDated.With(("top", top), ("from", StoredDates.Text(from)), ("to", StoredDates.Text(to))), cancellationToken)).Single();
        var periods = (await client.RunAsync(Neo4jAnalystCypher.Periods.With(("length", PeriodKeys.Length(granularity))),
            cancellationToken)).Records.Select(r => (Kind: r.GetString("kind"), Period: r.GetString("period"), N: r.GetInt32("n"))).ToList();
        var statements = periods.Where(p => p.Kind == "statements").ToDictionary(p => p.Period, p => p.N, StringComparer.Ordinal);
        return new GraphStatistics(Counts(counts["labels"]), Counts(counts["relationships"]), Counts(leaders["supported"]), Counts(leaders["active"]),
            PeriodKeys.Within(periods.Where(p => p.Kind == "reports").OrderBy(p => p.Period, StringComparer.Ordinal)
                .Select(p => new PeriodActivity(p.Period, p.N, statements.GetValueOrDefault(p.Period))), granularity, from, to));
    }

    private async Task<(int First, (string, object?)[] Parameters)> ListParametersAsync(ReportQuery query, string list, CancellationToken cancellationToken)
    {
        var first = Math.Clamp(query.First, 0, PositionQuery.MaxPageSize);
        var after = query.After is null ? null : PageCursor.Decode(list, query.After, 2);
        var actorId = await Neo4jActorLookup.ResolveAsync(client, query.ActorId, cancellationToken);
        return (first,
        [
            ("from", StoredDates.Text(query.From)), ("to", StoredDates.Text(query.To)), ("processId", query.ProcessId), ("actorId", actorId),
            ("afterSort", after?[0]), ("afterId", after?[1]), ("limit", first + 1),
        ]);
    }

    /// <summary>The words of a search, letters and digits only, as in the embedded store's FTS5 expression.</summary>
    private static List<string> Words(string text) =>
        [.. string.Concat(text.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' '))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(16)];

    private static PositionEdge Edge(JsonElement e) => new(Text(e, "actorId")!, Text(e, "targetId")!, EnumNames.Parse<Stance>(Text(e, "stance")!),
        e.GetProperty("statements").GetInt32(), StoredDates.Parse(Text(e, "first")), StoredDates.Parse(Text(e, "last")));

    private static List<NamedCount> Counts(JsonElement list) =>
        [.. list.EnumerateArray().Select(c => new NamedCount(Text(c, "name")!, c.GetProperty("count").GetInt32()))];

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Snake<T>(T? value) where T : struct, Enum => value is { } v ? EnumNames.ToSnakeCase(v) : null;

    private static string Snake<T>(T value) where T : struct, Enum => EnumNames.ToSnakeCase(value);
}
