using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The statements behind many position edges in one query: one <c>LIMIT</c>ed branch per edge, joined by
/// <c>UNION ALL</c>, each an index range on <c>statements_pair</c> (actor, target, date, id) that stops after
/// <c>first</c> rows. So a page of 20 supporters costs one query however many statements each edge has.
/// </summary>
internal static class EmbeddedEvidence
{
    // SQLite allows 500 terms in a compound SELECT; pages hold at most 100 edges, so one chunk is the rule.
    private const int EdgesPerQuery = 100;

    public static async Task<IReadOnlyDictionary<PositionEdgeKey, IReadOnlyList<PositionRecord>>> FindAsync(SqliteConnection connection,
        IReadOnlyCollection<PositionEdgeKey> edges, int first, CancellationToken cancellationToken)
    {
        var result = new Dictionary<PositionEdgeKey, IReadOnlyList<PositionRecord>>();
        first = Math.Clamp(first, 0, PositionQuery.MaxPageSize);
        if (first == 0 || edges.Count == 0)
        {
            return result;
        }
        foreach (var chunk in edges.Distinct().Chunk(EdgesPerQuery))
        {
            var sql = new StringBuilder();
            var parameters = new List<(string, object?)> { ("$first", first) };
            for (var i = 0; i < chunk.Length; i++)
            {
                var n = i.ToString(CultureInfo.InvariantCulture);
                if (i > 0)
                {
                    sql.Append("\nUNION ALL\n");
                }
                // A merged actor's old id reads the statements of the actor it now resolves to, as FindPositionsAsync does.
                sql.Append(CultureInfo.InvariantCulture, $"""
                    SELECT * FROM (SELECT {i} AS edge, {PositionColumns}
                      FROM statements s LEFT JOIN curation c ON c.statement_id = s.id
                      WHERE s.actor_id = coalesce((SELECT new_id FROM actor_redirects WHERE old_id = $a{n}), $a{n})
                        AND s.target_id = $t{n} AND s.stance = $s{n} AND coalesce(c.status, 'extracted') <> 'rejected'
                      ORDER BY s.sort_date, s.id LIMIT $first)
                    """);
                parameters.Add(($"$a{n}", chunk[i].ActorId));
                parameters.Add(($"$t{n}", chunk[i].TargetId));
                parameters.Add(($"$s{n}", EnumNames.ToSnakeCase(chunk[i].Stance)));
            }
            // Each branch is in page order already; the compound's own order (edge, sort date, id) makes it certain.
            sql.Append("\nORDER BY 1, 12, 2;");
            var rows = await ListAsync(connection, null, sql.ToString(), r => (Edge: r.GetInt32(0), Position: Position(r, 1)), cancellationToken, [.. parameters]);
            foreach (var group in rows.GroupBy(r => r.Edge))
            {
                result[chunk[group.Key]] = [.. group.Select(r => r.Position)];
            }
        }
        return result;
    }
}
