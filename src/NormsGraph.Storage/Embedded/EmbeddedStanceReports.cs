using Microsoft.Data.Sqlite;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The reports behind many position edges in one query per group of them, a page each (<see cref="EdgeKeys"/>): each edge's
/// distinct reports come in list order from the covering index <c>statements_stance_reports</c> and stop after the page,
/// so the page costs the same however many statements back the edge. A window over every edge's reports instead took
/// 14 ms for 20 edges at 20,000 reports, against 1.6 ms.
/// </summary>
internal static class EmbeddedStanceReports
{
    internal const string List = "stance-report";

    private static readonly string Reports = $"""
        WITH {EdgeKeys.Table}
        SELECT k.edge, {string.Join(", ", ReportSummaryColumns.Split(", ").Select(c => "r." + c))}
        FROM k JOIN reports r ON r.id IN (
            SELECT s.report_id FROM statements s LEFT JOIN curation c ON c.statement_id = s.id
            WHERE {EdgeKeys.Matches("s")} AND {NotRejected} AND {EdgeKeys.Passes("s")}
              AND ($afterSort IS NULL OR s.sort_date > $afterSort OR (s.sort_date = $afterSort AND s.report_id > $afterId))
            GROUP BY s.sort_date, s.report_id ORDER BY s.sort_date, s.report_id LIMIT $limit)
        ORDER BY k.edge, coalesce(r.date, '{PositionCursor.Undated}'), r.id;
        """;

    // The totals are kept on the position edges (PositionEdges), so they cost a lookup per edge, not a count; a
    // filtered edge's are counted over the statements that pass, as its other figures are.
    private static readonly string Totals = $"""
        WITH {EdgeKeys.Table}
        SELECT k.edge, CASE WHEN $filtered
            THEN (SELECT count(DISTINCT s.report_id) FROM statements s LEFT JOIN curation c ON c.statement_id = s.id
                  WHERE {EdgeKeys.Matches("s")} AND {NotRejected} AND {EdgeKeys.Passes("s")})
            ELSE (SELECT p.reports FROM position_edges p WHERE {EdgeKeys.Matches("p")}) END
        FROM k;
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
        foreach (var group in EdgeKeys.Groups(keys))
        {
            var pages = (await ListAsync(connection, null, Reports, r => (Edge: r.GetInt32(0), Report: ReportSummary(r, 1)), cancellationToken,
                [.. group.Parameters, ("$afterSort", cursor?[0]), ("$afterId", cursor?[1]), ("$limit", first + 1)])).ToLookup(r => r.Edge, r => r.Report);
            var totals = (await ListAsync(connection, null, Totals, r => (Edge: r.GetInt32(0), Total: r.IsDBNull(1) ? 0 : r.GetInt32(1)), cancellationToken,
                group.Parameters)).ToDictionary(t => t.Edge, t => t.Total);
            for (var i = 0; i < group.Indexes.Count; i++)
            {
                result[keys[group.Indexes[i]]] = Pages.From([.. pages[i]], first, totals.GetValueOrDefault(i), Cursor);
            }
        }
        return result;
    }

    private static string Cursor(ReportSummary report) => PageCursor.Encode(List, PositionCursor.SortKey(report.Date), report.Id);
}
