using Microsoft.Data.Sqlite;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The first page of many reports' positions in one query (the ids as one JSON parameter, as <see cref="EdgeKeys"/>
/// does for edges): each report's statements come from the index <c>statements_report</c>, so a list of 50 reports with
/// their positions costs one page query and one count query, not one of each per report.
/// </summary>
internal static class EmbeddedReportPositions
{
    private const string Ids = "r AS (SELECT key AS i, value AS report FROM json_each($reports))";

    private const string Page = $"""
        WITH {Ids}
        SELECT r.i, {PositionColumns}
        FROM r JOIN statements s ON s.id IN (
                SELECT p.id FROM statements p LEFT JOIN curation pc ON pc.statement_id = p.id
                WHERE p.report_id = r.report AND ($stance IS NULL OR p.stance = $stance) AND coalesce(pc.status, 'extracted') <> 'rejected'
                ORDER BY p.sort_date, p.id LIMIT $limit)
             LEFT JOIN curation c ON c.statement_id = s.id
        ORDER BY r.i, s.sort_date, s.id;
        """;

    private const string Totals = $"""
        WITH {Ids}
        SELECT r.i, (SELECT count(*) FROM statements s LEFT JOIN curation c ON c.statement_id = s.id
                     WHERE s.report_id = r.report AND ($stance IS NULL OR s.stance = $stance) AND coalesce(c.status, 'extracted') <> 'rejected')
        FROM r;
        """;

    public static async Task<IReadOnlyDictionary<string, PositionPage>> FindAsync(SqliteConnection connection, IReadOnlyCollection<string> reportIds,
        Stance? stance, int first, CancellationToken cancellationToken)
    {
        first = Math.Clamp(first, 0, PositionQuery.MaxPageSize);
        var ids = reportIds.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, PositionPage>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }
        (string, object?)[] parameters = [("$reports", System.Text.Json.JsonSerializer.Serialize(ids)), ("$stance", stance is { } s ? EnumNames.ToSnakeCase(s) : null)];
        var pages = (await ListAsync(connection, null, Page, r => (I: r.GetInt32(0), Position: Position(r, 1)), cancellationToken,
            [.. parameters, ("$limit", first + 1)])).ToLookup(r => r.I, r => r.Position);
        var totals = (await ListAsync(connection, null, Totals, r => (I: r.GetInt32(0), Total: r.GetInt32(1)), cancellationToken, parameters))
            .ToDictionary(t => t.I, t => t.Total);
        for (var i = 0; i < ids.Count; i++)
        {
            result[ids[i]] = PositionPage.From([.. pages[i]], first, totals.GetValueOrDefault(i));
        }
        return result;
    }
}
