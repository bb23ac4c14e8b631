using Microsoft.Data.Sqlite;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The first page of many actors' stances in one query (the ids as one JSON parameter, as
/// <see cref="EmbeddedPositionPages"/> does for statements): each actor's derived edges come from the index
/// <c>position_edges_actor</c>, numbered in the page order of <see cref="EmbeddedAnalystReads.FindPositionEdgesAsync"/>
/// (statements, most first, then target and stance), with the actor's total on every row. A list of 50 supporters
/// with what each of them said costs one query, not 50.
/// </summary>
internal static class EmbeddedActorStances
{
    private const string Page = """
        WITH a AS (SELECT key AS i, value AS actor FROM json_each($actors))
        SELECT actor_id, target_id, stance, statements, first_date, last_date, i, total FROM (
            SELECT a.i, e.actor_id, e.target_id, e.stance, e.statements, e.first_date, e.last_date,
                   row_number() OVER (PARTITION BY a.i ORDER BY e.statements DESC, e.target_id, e.stance) AS n,
                   count(*) OVER (PARTITION BY a.i) AS total
            FROM a JOIN position_edges e ON e.actor_id = a.actor
            WHERE $stance IS NULL OR e.stance = $stance)
        WHERE n <= $limit
        ORDER BY i, n;
        """;

    public static async Task<IReadOnlyDictionary<string, Page<PositionEdge>>> FindAsync(SqliteConnection connection, IReadOnlyCollection<string> actorIds,
        Stance? stance, int first, CancellationToken cancellationToken)
    {
        first = Math.Clamp(first, 0, PositionQuery.MaxPageSize);
        var asked = actorIds.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, Page<PositionEdge>>(StringComparer.Ordinal);
        if (asked.Count == 0)
        {
            return result;
        }
        var redirects = await ActorRedirects.ResolveAllAsync(connection, asked, cancellationToken);
        var resolved = asked.Select(id => redirects.GetValueOrDefault(id, id)).ToList();
        var rows = (await ListAsync(connection, null, Page,
            r => (I: r.GetInt32(6), Total: r.GetInt32(7), Edge: EmbeddedAnalystReads.Edge(r)),
            cancellationToken, ("$actors", System.Text.Json.JsonSerializer.Serialize(resolved)),
            ("$stance", stance is { } s ? EnumNames.ToSnakeCase(s) : null), ("$limit", first + 1))).ToLookup(r => r.I);
        for (var i = 0; i < asked.Count; i++)
        {
            var page = rows[i].ToList();
            result[asked[i]] = Pages.From([.. page.Select(r => r.Edge)], first, page.Count == 0 ? 0 : page[0].Total, e => e.Cursor);
        }
        return result;
    }
}
