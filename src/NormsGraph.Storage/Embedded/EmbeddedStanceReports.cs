using System.Text.Json;
using Microsoft.Data.Sqlite;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The reports behind many position edges in one query, a page each: the edges go in as one JSON parameter (as in
/// <see cref="EmbeddedEvidence"/>), each edge's statements are an index range on <c>statements_pair</c>, and a window
/// numbers each edge's distinct reports in list order so every edge stops after its page.
/// </summary>
internal static class EmbeddedStanceReports
{
    internal const string List = "stance-report";

    private static readonly string PrefixedSummaryColumns = string.Join(", ", ReportSummaryColumns.Split(", ").Select(c => "r." + c));

    // A merged actor's old id reads the reports of the actor it now resolves to, as FindPositionsAsync does.
    private static readonly string Reports = $"""
        WITH k AS (SELECT key AS edge, json_extract(value, '$[0]') AS actor, json_extract(value, '$[1]') AS target,
                          json_extract(value, '$[2]') AS stance FROM json_each($edges)),
        held AS (SELECT DISTINCT k.edge, s.report_id
                 FROM k JOIN statements s ON s.actor_id = coalesce((SELECT new_id FROM actor_redirects WHERE old_id = k.actor), k.actor)
                                          AND s.target_id = k.target AND s.stance = k.stance
                      LEFT JOIN curation c ON c.statement_id = s.id
                 WHERE coalesce(c.status, 'extracted') <> 'rejected'),
        listed AS (SELECT held.edge, count(*) OVER (PARTITION BY held.edge) AS total, coalesce(r.date, '{PositionCursor.Undated}') AS sort,
                          {PrefixedSummaryColumns}
                   FROM held JOIN reports r ON r.id = held.report_id),
        paged AS (SELECT *, row_number() OVER (PARTITION BY edge ORDER BY sort, id) AS n FROM listed
                  WHERE $afterSort IS NULL OR sort > $afterSort OR (sort = $afterSort AND id > $afterId))
        SELECT edge, total, {ReportSummaryColumns} FROM paged WHERE n <= $limit ORDER BY edge, n;
        """;

    // The totals of edges whose page after the cursor is empty.
    private const string Totals = """
        WITH k AS (SELECT key AS edge, json_extract(value, '$[0]') AS actor, json_extract(value, '$[1]') AS target,
                          json_extract(value, '$[2]') AS stance FROM json_each($edges))
        SELECT k.edge, count(DISTINCT s.report_id)
        FROM k JOIN statements s ON s.actor_id = coalesce((SELECT new_id FROM actor_redirects WHERE old_id = k.actor), k.actor)
                                 AND s.target_id = k.target AND s.stance = k.stance
             LEFT JOIN curation c ON c.statement_id = s.id
        WHERE coalesce(c.status, 'extracted') <> 'rejected'
        GROUP BY k.edge;
        """;

    public static async Task<IReadOnlyDictionary<PositionEdgeKey, Page<ReportSummary>>> FindAsync(SqliteConnection connection,
        IReadOnlyCollection<PositionEdgeKey> edges, int first, string? after, CancellationToken cancellationToken)
    {
        first = Math.Clamp(first, 0, PositionQuery.MaxPageSize);
        var cursor = after is null ? null : PageCursor.Decode(List, after, 2);
        var keys = edges.Distinct().ToList();
        var result = new Dictionary<PositionEdgeKey, Page<ReportSummary>>();
        if (keys.Count == 0)
        {
            return result;
        }
        var json = JsonSerializer.Serialize(keys.Select(k => new[] { k.ActorId, k.TargetId, EnumNames.ToSnakeCase(k.Stance) }));
        var rows = await ListAsync(connection, null, Reports, r => (Edge: r.GetInt32(0), Total: r.GetInt32(1), Report: ReportSummary(r, 2)), cancellationToken,
            ("$edges", json), ("$afterSort", cursor?[0]), ("$afterId", cursor?[1]), ("$limit", first + 1));
        var pages = rows.ToLookup(r => r.Edge);
        // Without a cursor every edge with reports has a row (at least the one past a page of 0); after one, it may have none.
        var totals = cursor is null
            ? rows.GroupBy(r => r.Edge).ToDictionary(g => g.Key, g => g.First().Total)
            : (await ListAsync(connection, null, Totals, r => (Edge: r.GetInt32(0), Total: r.GetInt32(1)), cancellationToken, ("$edges", json)))
                .ToDictionary(t => t.Edge, t => t.Total);
        for (var i = 0; i < keys.Count; i++)
        {
            result[keys[i]] = Pages.From([.. pages[i].Select(r => r.Report)], first, totals.GetValueOrDefault(i), Cursor);
        }
        return result;
    }

    private static string Cursor(ReportSummary report) => PageCursor.Encode(List, PositionCursor.SortKey(report.Date), report.Id);
}
