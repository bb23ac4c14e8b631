using Microsoft.Data.Sqlite;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The derived position edges (<c>position_edges</c>). They are recomputed from the statements for every
/// (actor, target) pair a write touched, inside the same transaction, never patched by increments, so
/// re-ingestion and curation cannot leave them stale. Reads of counts and "who" then cost one index range,
/// however many statements stand behind each edge. The timeline's period rows (<see cref="PositionPeriods"/>) are
/// recomputed with them, pair by pair.
/// </summary>
internal static class PositionEdges
{
    private const string Aggregate = $"""
        INSERT INTO position_edges (actor_id, target_id, stance, statements, first_date, last_date, reports)
        SELECT s.actor_id, s.target_id, s.stance, count(*),
               min(nullif(s.sort_date, '{PositionCursor.Undated}')), max(nullif(s.sort_date, '{PositionCursor.Undated}')),
               count(DISTINCT s.report_id)
        FROM statements s LEFT JOIN curation c ON c.statement_id = s.id
        WHERE coalesce(c.status, 'extracted') <> 'rejected'
        """;

    public static async Task<HashSet<(string ActorId, string TargetId)>> PairsOfReportAsync(SqliteConnection connection, SqliteTransaction transaction,
        string reportId, CancellationToken cancellationToken) =>
        [.. await ListAsync(connection, transaction, "SELECT DISTINCT actor_id, target_id FROM statements WHERE report_id = $id;",
            r => (r.GetString(0), r.GetString(1)), cancellationToken, ("$id", reportId))];

    public static async Task RecomputeAsync(SqliteConnection connection, SqliteTransaction transaction,
        IEnumerable<(string ActorId, string TargetId)> pairs, CancellationToken cancellationToken)
    {
        foreach (var (actor, target) in pairs.Distinct())
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM position_edges WHERE actor_id = $actor AND target_id = $target;",
                cancellationToken, ("$actor", actor), ("$target", target));
            await ExecuteAsync(connection, transaction,
                $"{Aggregate} AND s.actor_id = $actor AND s.target_id = $target GROUP BY s.actor_id, s.target_id, s.stance;",
                cancellationToken, ("$actor", actor), ("$target", target));
            await PositionPeriods.RecomputeAsync(connection, transaction, actor, target, cancellationToken);
        }
    }

    /// <summary>
    /// All edges from scratch, when the schema version changes: the table is dropped and created again, so an older
    /// file's edges gain the columns a newer version added.
    /// </summary>
    public static async Task RebuildAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, "DROP TABLE IF EXISTS position_edges;", cancellationToken);
        await ExecuteAsync(connection, transaction, EmbeddedSchema.Create, cancellationToken);
        await ExecuteAsync(connection, transaction, $"{Aggregate} GROUP BY s.actor_id, s.target_id, s.stance;", cancellationToken);
        await PositionPeriods.RebuildAsync(connection, transaction, cancellationToken);
    }
}
