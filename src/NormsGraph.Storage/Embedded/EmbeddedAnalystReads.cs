using System.Globalization;
using Microsoft.Data.Sqlite;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The analysts' questions in SQL: who, timelines, alignment, coalitions, report and event lists, statistics (search is
/// in <see cref="EmbeddedSearch"/>).
/// Counts and "who" read the derived position edges; only filters the edges cannot answer (dates, process,
/// confidence) fall back to aggregating statements.
/// </summary>
internal static class EmbeddedAnalystReads
{
    private const string Undated = PositionCursor.Undated;

    public static async Task<Page<PositionEdge>> FindPositionEdgesAsync(SqliteConnection connection, PositionEdgeQuery query, CancellationToken cancellationToken)
    {
        var first = Math.Clamp(query.First, 0, PositionQuery.MaxPageSize);
        var parameters = new List<(string, object?)>();
        var statementFilters = new List<string>();
        if (query.TargetId is not null)
        {
            statementFilters.Add("target_id = $target");
            parameters.Add(("$target", query.TargetId));
        }
        var actorId = query.ActorId is null ? null : await ActorRedirects.ResolveAsync(connection, null, query.ActorId, cancellationToken);
        if (actorId is not null)
        {
            statementFilters.Add("actor_id = $actor");
            parameters.Add(("$actor", actorId));
        }
        if (query.Stance is { } stance)
        {
            statementFilters.Add("stance = $stance");
            parameters.Add(("$stance", EnumNames.ToSnakeCase(stance)));
        }

        string source;
        var filter = query.Statements;
        if (filter is not null)
        {
            var filters = statementFilters.Select(f => "s." + f).Append(NotRejected).ToList();
            filters.Add(StatementFilterSql.Passes("s", query.From is null ? null : "$from", query.To is null ? null : "$to",
                query.ProcessId is null ? null : "$process", query.MinConfidence is null ? null : "$confidence"));
            parameters.AddRange([("$from", DateText(query.From)), ("$to", DateText(query.To)), ("$process", query.ProcessId), ("$confidence", query.MinConfidence)]);
            source = $"""
                (SELECT s.actor_id, s.target_id, s.stance, count(*) AS statements,
                        min(nullif(s.sort_date, '{Undated}')) AS first_date, max(nullif(s.sort_date, '{Undated}')) AS last_date
                 FROM statements s LEFT JOIN curation c ON c.statement_id = s.id
                 WHERE {string.Join(" AND ", filters)}
                 GROUP BY s.actor_id, s.target_id, s.stance)
                """;
            statementFilters.Clear();
        }
        else
        {
            source = "position_edges";
        }

        var where = statementFilters.Select(f => "e." + f).ToList();
        var join = "";
        if (query.ActorType is { } type)
        {
            join = "JOIN actors a ON a.id = e.actor_id";
            where.Add("a.type = $type");
            parameters.Add(("$type", EnumNames.ToSnakeCase(type)));
        }
        var fromClause = $"FROM {source} e {join}";
        var count = $"SELECT count(*) {fromClause} {Where(where)}";
        if (query.AfterEdge(actorId) is { } cursor)
        {
            where.Add("(e.statements < $afterCount OR (e.statements = $afterCount AND (e.actor_id, e.target_id, e.stance) > ($afterActor, $afterTarget, $afterStance)))");
            parameters.AddRange([("$afterCount", cursor.Statements), ("$afterActor", cursor.ActorId), ("$afterTarget", cursor.TargetId),
                ("$afterStance", cursor.Stance)]);
        }
        parameters.Add(("$limit", first + 1));
        var (rows, total) = await PageWithTotalAsync(connection, "e.actor_id, e.target_id, e.stance, e.statements, e.first_date, e.last_date", count,
            $"{fromClause} {Where(where)} ORDER BY e.statements DESC, e.actor_id, e.target_id, e.stance LIMIT $limit", Edge, cancellationToken,
            [.. parameters]);
        // A filtered edge reads its evidence and reports under the same filter; an unfiltered page is left as read.
        return Pages.From(filter is null ? rows : [.. rows.Select(e => e with { Filter = filter })], first, (int)total, e => e.Cursor);
    }

    public static async Task<IReadOnlyList<TimelinePeriod>> TimelineAsync(SqliteConnection connection, string targetId, TimelineGranularity granularity,
        CancellationToken cancellationToken)
    {
        var length = PeriodKeys.Length(granularity);
        // The derived per-period rows (PositionPeriods): a few rows per period instead of every statement on the target.
        var counts = await ListAsync(connection, null,
            "SELECT period, stance, actors, statements FROM timeline_periods WHERE target_id = $target AND length(period) = $length;",
            r => (Period: r.GetString(0), Stance: EnumNames.Parse<Stance>(r.GetString(1)), Actors: r.GetInt32(2), Statements: r.GetInt32(3)),
            cancellationToken, ("$length", length), ("$target", targetId));
        var joined = (await ListAsync(connection, null,
            "SELECT substr(first_date, 1, $length), stance, actor_id FROM position_edges WHERE target_id = $target AND first_date IS NOT NULL ORDER BY actor_id;",
            r => (Period: r.GetString(0), Stance: EnumNames.Parse<Stance>(r.GetString(1)), Actor: r.GetString(2)),
            cancellationToken, ("$length", length), ("$target", targetId)))
            .ToLookup(j => (j.Period, j.Stance), j => j.Actor);
        return [.. counts.OrderBy(c => c.Period, StringComparer.Ordinal).ThenBy(c => c.Stance)
            .Select(c => new TimelinePeriod(c.Period, c.Stance, c.Actors, c.Statements, [.. joined[(c.Period, c.Stance)]]))];
    }

    public static async Task<Page<AlignedActor>> AlignedActorsAsync(SqliteConnection connection, string actorId, int first, string? after,
        CancellationToken cancellationToken)
    {
        first = Math.Clamp(first, 0, PositionQuery.MaxPageSize);
        var actor = await ActorRedirects.ResolveAsync(connection, null, actorId, cancellationToken);
        // Every edge of every actor that took a stance on one of this actor's targets: the union in the
        // similarity needs the others' whole record, not only the overlap.
        var edges = await ListAsync(connection, null,
            """
            SELECT actor_id, target_id, stance, statements, first_date, last_date FROM position_edges
            WHERE actor_id IN (SELECT DISTINCT o.actor_id FROM position_edges o
                               WHERE o.target_id IN (SELECT target_id FROM position_edges WHERE actor_id = $actor))
            """,
            Edge, cancellationToken, ("$actor", actor));
        var mine = edges.Where(e => e.ActorId == actor).ToList();
        var ranked = Alignment.Rank(mine, edges.Where(e => e.ActorId != actor).GroupBy(e => e.ActorId));
        return Pages.OfList(ranked, "aligned", first, after);
    }

    public static async Task<IReadOnlyList<Coalition>> CoalitionsAsync(SqliteConnection connection, string targetId, Stance stance,
        CancellationToken cancellationToken)
    {
        var byType = await ListAsync(connection, null,
            """
            SELECT a.type, e.actor_id, e.statements FROM position_edges e JOIN actors a ON a.id = e.actor_id
            WHERE e.target_id = $target AND e.stance = $stance;
            """,
            r => (Key: r.GetString(0), Actor: r.GetString(1), Statements: r.GetInt32(2)),
            cancellationToken, ("$target", targetId), ("$stance", EnumNames.ToSnakeCase(stance)));
        var byProcess = await ListAsync(connection, null,
            $"""
            SELECT ev.process_id, s.actor_id, count(*)
            FROM statements s JOIN events ev ON ev.id = s.event_id LEFT JOIN curation c ON c.statement_id = s.id
            WHERE s.target_id = $target AND s.stance = $stance AND {NotRejected} AND ev.process_id IS NOT NULL
            GROUP BY ev.process_id, s.actor_id;
            """,
            r => (Key: r.GetString(0), Actor: r.GetString(1), Statements: r.GetInt32(2)),
            cancellationToken, ("$target", targetId), ("$stance", EnumNames.ToSnakeCase(stance)));
        return Coalitions.Group(byType, byProcess);
    }

    public static async Task<Page<ReportSummary>> ReportsAsync(SqliteConnection connection, ReportQuery query, CancellationToken cancellationToken)
    {
        var first = Math.Clamp(query.First, 0, PositionQuery.MaxPageSize);
        // A rejected statement leaves this answer too: a report whose statements by the actor were all rejected is not one of its.
        var (where, parameters) = await ListFiltersAsync(connection, query, "r.date", "ev.process_id",
            $"EXISTS (SELECT 1 FROM statements s LEFT JOIN curation c ON c.statement_id = s.id WHERE s.report_id = r.id AND s.actor_id = $actor AND {NotRejected})",
            cancellationToken);
        const string From = "FROM reports r LEFT JOIN events ev ON ev.id = r.event_id";
        var total = (int)await ScalarAsync(connection, null, $"SELECT count(*) {From} {Where(where)};", cancellationToken, [.. parameters]);
        AddKeysetAfter(where, parameters, "report", query.After, $"coalesce(r.date, '{Undated}')", "r.id");
        parameters.Add(("$limit", first + 1));
        var rows = await ListAsync(connection, null,
            $"SELECT {string.Join(", ", ReportSummaryColumns.Split(", ").Select(c => "r." + c))} {From} {Where(where)} ORDER BY coalesce(r.date, '{Undated}'), r.id LIMIT $limit;",
            r => ReportSummary(r), cancellationToken, [.. parameters]);
        return Pages.From(rows, first, total, r => PageCursor.Encode("report", PositionCursor.SortKey(r.Date), r.Id));
    }

    public static async Task<Page<EventRecord>> EventsAsync(SqliteConnection connection, ReportQuery query, CancellationToken cancellationToken)
    {
        var first = Math.Clamp(query.First, 0, PositionQuery.MaxPageSize);
        var (where, parameters) = await ListFiltersAsync(connection, query, "ev.date", "ev.process_id",
            "EXISTS (SELECT 1 FROM participations p WHERE p.event_id = ev.id AND p.actor_id = $actor)", cancellationToken);
        var total = (int)await ScalarAsync(connection, null, $"SELECT count(*) FROM events ev {Where(where)};", cancellationToken, [.. parameters]);
        AddKeysetAfter(where, parameters, "event", query.After, $"coalesce(ev.date, '{Undated}')", "ev.id");
        parameters.Add(("$limit", first + 1));
        var rows = await ListAsync(connection, null,
            $"""
            SELECT ev.id, ev.title, ev.date, ev.process_id, (SELECT count(*) FROM reports r WHERE r.event_id = ev.id)
            FROM events ev {Where(where)} ORDER BY coalesce(ev.date, '{Undated}'), ev.id LIMIT $limit;
            """,
            r => new EventRecord(r.GetString(0), r.GetString(1), ParseDate(NullableString(r, 2)), NullableString(r, 3), r.GetInt32(4)),
            cancellationToken, [.. parameters]);
        return Pages.From(rows, first, total, e => e.Cursor);
    }

    public static async Task<string?> ReportTextAsync(SqliteConnection connection, string reportId, CancellationToken cancellationToken) =>
        (await ListAsync(connection, null, "SELECT text FROM reports WHERE id = $id;", r => r.GetString(0), cancellationToken, ("$id", reportId)))
        .FirstOrDefault();

    public static async Task<GraphStatistics> GraphStatisticsAsync(SqliteConnection connection, TimelineGranularity granularity, int top,
        DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        top = Math.Clamp(top, 0, PositionQuery.MaxPageSize);
        // Rejected statements leave every count, as they leave every answer (they stay recorded): the statements and their
        // MADE, ABOUT, REPORTED_IN and AT edges are counted once here, the position edges and periods hold none of them.
        var (statements, atEvents) = (await ListAsync(connection, null,
            $"SELECT count(*), count(s.event_id) FROM statements s LEFT JOIN curation c ON c.statement_id = s.id WHERE {NotRejected};",
            r => (r.GetInt32(0), r.GetInt32(1)), cancellationToken)).Single();
        var labels = await ListAsync(connection, null,
            """
            SELECT 'Actor', count(*) FROM actors
            UNION ALL SELECT 'Event', count(*) FROM events
            UNION ALL SELECT 'Framework', count(*) FROM frameworks
            UNION ALL SELECT 'Norm', count(*) FROM targets WHERE kind = 'norm'
            UNION ALL SELECT 'Principle', count(*) FROM targets WHERE kind = 'principle'
            UNION ALL SELECT 'Process', count(*) FROM processes
            UNION ALL SELECT 'Proposal', count(*) FROM targets WHERE kind = 'proposal'
            UNION ALL SELECT 'Report', count(*) FROM reports
            UNION ALL SELECT 'Statement', $statements;
            """, Count, cancellationToken, ("$statements", statements));
        var relationships = await ListAsync(connection, null,
            """
            SELECT 'ABOUT', $statements
            UNION ALL SELECT 'AT', $atEvents
            UNION ALL SELECT 'CONCERNED_ABOUT', count(*) FROM position_edges WHERE stance = 'concern'
            UNION ALL SELECT 'COVERS', count(*) FROM reports WHERE event_id IS NOT NULL
            UNION ALL SELECT 'DEFINED_IN', count(*) FROM targets WHERE framework_id IS NOT NULL
            UNION ALL SELECT 'MADE', $statements
            UNION ALL SELECT 'OPPOSES', count(*) FROM position_edges WHERE stance = 'oppose'
            UNION ALL SELECT 'PARTICIPATED_IN', count(*) FROM participations
            UNION ALL SELECT 'PART_OF', count(*) FROM events WHERE process_id IS NOT NULL
            UNION ALL SELECT 'PROPOSED', count(*) FROM position_edges WHERE stance = 'propose'
            UNION ALL SELECT 'REPORTED_IN', $statements
            UNION ALL SELECT 'SUPPORTS', count(*) FROM position_edges WHERE stance = 'support';
            """, Count, cancellationToken, ("$statements", statements), ("$atEvents", atEvents));
        // Over every date the rankings read the position edges; within dates they count the statements in range.
        var dated = from is not null || to is not null;
        var inRange = $"""
            FROM statements s LEFT JOIN curation c ON c.statement_id = s.id
            WHERE {NotRejected} AND s.sort_date <> '{Undated}' AND ($from IS NULL OR s.sort_date >= $from) AND ($to IS NULL OR s.sort_date <= $to)
            """;
        (string, object?)[] range = [("$top", top), ("$from", DateText(from)), ("$to", DateText(to))];
        var supported = await ListAsync(connection, null, dated
                ? $"SELECT s.target_id, count(DISTINCT s.actor_id) AS n {inRange} AND s.stance = 'support' GROUP BY s.target_id ORDER BY n DESC, s.target_id LIMIT $top;"
                : "SELECT target_id, count(*) AS n FROM position_edges WHERE stance = 'support' GROUP BY target_id ORDER BY n DESC, target_id LIMIT $top;",
            Count, cancellationToken, dated ? range : [("$top", top)]);
        var active = await ListAsync(connection, null, dated
                ? $"SELECT s.actor_id, count(*) AS n {inRange} GROUP BY s.actor_id ORDER BY n DESC, s.actor_id LIMIT $top;"
                : "SELECT actor_id, sum(statements) AS n FROM position_edges GROUP BY actor_id ORDER BY n DESC, actor_id LIMIT $top;",
            Count, cancellationToken, dated ? range : [("$top", top)]);
        var length = PeriodKeys.Length(granularity);
        var reports = await ListAsync(connection, null,
            "SELECT substr(date, 1, $length) AS period, count(*) FROM reports WHERE date IS NOT NULL GROUP BY period;",
            Count, cancellationToken, ("$length", length));
        var statementsByPeriod = (await ListAsync(connection, null,
            $"""
            SELECT substr(s.sort_date, 1, $length) AS period, count(*) FROM statements s LEFT JOIN curation c ON c.statement_id = s.id
            WHERE s.sort_date <> '{Undated}' AND {NotRejected} GROUP BY period;
            """, Count, cancellationToken, ("$length", length))).ToDictionary(c => c.Name, c => c.Count, StringComparer.Ordinal);
        var periods = reports.OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new PeriodActivity(r.Name, r.Count, statementsByPeriod.GetValueOrDefault(r.Name))).ToList();
        return new GraphStatistics(labels, relationships, supported, active, PeriodKeys.Within(periods, granularity, from, to));
    }

    private static async Task<(List<string> Where, List<(string, object?)> Parameters)> ListFiltersAsync(SqliteConnection connection, ReportQuery query,
        string dateColumn, string processColumn, string actorCondition, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.From is { } from)
        {
            where.Add($"{dateColumn} >= $from");
            parameters.Add(("$from", DateText(from)));
        }
        if (query.To is { } to)
        {
            where.Add($"{dateColumn} <= $to");
            parameters.Add(("$to", DateText(to)));
        }
        if (query.ProcessId is not null)
        {
            where.Add($"{processColumn} = $process");
            parameters.Add(("$process", query.ProcessId));
        }
        if (query.ActorId is not null)
        {
            where.Add(actorCondition);
            parameters.Add(("$actor", await ActorRedirects.ResolveAsync(connection, null, query.ActorId, cancellationToken)));
        }
        return (where, parameters);
    }

    private static void AddKeysetAfter(List<string> where, List<(string, object?)> parameters, string list, string? after, string sortColumn, string idColumn)
    {
        if (after is null)
        {
            return;
        }
        var cursor = PageCursor.Decode(list, after, 2);
        where.Add($"({sortColumn} > $afterSort OR ({sortColumn} = $afterSort AND {idColumn} > $afterId))");
        parameters.Add(("$afterSort", cursor[0]));
        parameters.Add(("$afterId", cursor[1]));
    }

    private static string Where(List<string> filters) => filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);

    /// <summary>A position edge from columns 0–5: actor, target, stance, statements, first and last date.</summary>
    public static PositionEdge Edge(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), EnumNames.Parse<Stance>(r.GetString(2)), r.GetInt32(3),
        ParseDate(NullableString(r, 4)), ParseDate(NullableString(r, 5)));

    private static NamedCount Count(SqliteDataReader r) => new(r.GetString(0), r.GetInt32(1));
}
