using System.Text.Json;
using Microsoft.Data.Sqlite;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The first page of many actors', targets' or reports' positions in one query, and their totals in one more (the ids
/// as one JSON parameter, as <see cref="EdgeKeys"/> does for edges). Each anchor's statements come from its index
/// (<c>statements_actor</c>, <c>statements_target</c>, <c>statements_report</c>) in page order, so a list of 50 actors
/// with their positions costs two queries, not two per actor. The filters are <see cref="EmbeddedReads.FindPositionsAsync"/>'s,
/// through <see cref="PositionFilters"/>, and so is the total: summed from position edges when the filters allow it.
/// </summary>
internal static class EmbeddedPositionPages
{
    private const string Anchors = "r AS (SELECT key AS i, value AS anchor FROM json_each($anchors))";

    public static async Task<IReadOnlyDictionary<string, PositionPage>> FindAsync(SqliteConnection connection, PositionAnchor anchor,
        IReadOnlyCollection<string> ids, PositionQuery filter, CancellationToken cancellationToken)
    {
        var asked = PositionBatch.Asked(anchor, ids, filter);
        var first = Math.Clamp(filter.First, 0, PositionQuery.MaxPageSize);
        if (asked.Count == 0)
        {
            return new Dictionary<string, PositionPage>();
        }
        var column = anchor switch { PositionAnchor.Actor => "actor_id", PositionAnchor.Target => "target_id", _ => "report_id" };
        var anchors = asked;
        if (anchor == PositionAnchor.Actor)
        {
            var redirects = await ActorRedirects.ResolveAllAsync(connection, asked, cancellationToken);
            anchors = [.. asked.Select(id => redirects.GetValueOrDefault(id, id))];
        }
        var filters = PositionFilters.Of(filter);
        (string, object?)[] parameters = [.. filters.Parameters, ("$anchors", JsonSerializer.Serialize(anchors))];
        var statementConditions = PositionFilters.Where([$"s.{column} = r.anchor", .. filters.Statements]);

        // Each anchor's page: the ids of its first $limit statements through the anchor's index, then their rows.
        var page = $"""
            WITH {Anchors},
                picked AS (
                    SELECT r.i, p.id FROM r JOIN statements p ON p.id IN (
                        SELECT s.id FROM statements s LEFT JOIN curation c ON c.statement_id = s.id
                        {statementConditions}
                        ORDER BY s.sort_date, s.id LIMIT $limit))
            SELECT picked.i, {PositionColumns}
            FROM picked JOIN statements s ON s.id = picked.id LEFT JOIN curation c ON c.statement_id = s.id
            ORDER BY picked.i, s.sort_date, s.id;
            """;
        var pages = (await ListAsync(connection, null, page, r => (I: r.GetInt32(0), Position: Position(r, 1)), cancellationToken,
            [.. parameters, ("$limit", first + 1)])).ToLookup(r => r.I, r => r.Position);

        var totals = anchor != PositionAnchor.Report && filters.Edges is { } edges
            ? $"WITH {Anchors} SELECT r.i, (SELECT coalesce(sum(s.statements), 0) FROM position_edges s {PositionFilters.Where([$"s.{column} = r.anchor", .. edges])}) FROM r;"
            : $"WITH {Anchors} SELECT r.i, (SELECT count(*) FROM statements s LEFT JOIN curation c ON c.statement_id = s.id {statementConditions}) FROM r;";
        var counts = (await ListAsync(connection, null, totals, r => (I: r.GetInt32(0), Total: r.GetInt32(1)), cancellationToken, parameters))
            .ToDictionary(t => t.I, t => t.Total);
        return PositionBatch.Pages(asked, pages, counts, first);
    }
}
