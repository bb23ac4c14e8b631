using Microsoft.Data.Sqlite;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The derived timeline, in two tables kept in step with the statements by <see cref="PositionEdges"/>, in the same
/// transaction: <c>position_periods</c> holds one row per actor, target, stance and period (a year <c>yyyy</c> and a
/// month <c>yyyy-MM</c>, dated reports only) with its non-rejected statements; <c>timeline_periods</c> sums those per
/// target, stance and period (distinct actors, statements). A timeline then reads a few rows per period, however many
/// statements the target has. Like the edges, rows are recomputed from the statements, never patched by increments.
/// </summary>
internal static class PositionPeriods
{
    // Both granularities from one pass over the statements (CROSS JOIN keeps them the outer loop, read by the pair
    // index for one pair); the length of the period tells a year from a month.
    private const string Aggregate = $"""
        INSERT INTO position_periods (actor_id, target_id, stance, period, statements)
        SELECT s.actor_id, s.target_id, s.stance, substr(s.sort_date, 1, g.length) AS period, count(*)
        FROM statements s LEFT JOIN curation c ON c.statement_id = s.id CROSS JOIN (SELECT 4 AS length UNION ALL SELECT 7) g
        WHERE coalesce(c.status, 'extracted') <> 'rejected' AND s.sort_date <> '{PositionCursor.Undated}'
        """;

    /// <summary>Recomputes one pair's period rows and the timeline rows of every period they were or now are in.</summary>
    public static async Task RecomputeAsync(SqliteConnection connection, SqliteTransaction transaction, string actor, string target,
        CancellationToken cancellationToken)
    {
        const string PeriodsOfPair = "SELECT stance, period FROM position_periods WHERE actor_id = $actor AND target_id = $target;";
        var affected = new HashSet<(string Stance, string Period)>(
            await ListAsync(connection, transaction, PeriodsOfPair, r => (r.GetString(0), r.GetString(1)), cancellationToken,
                ("$actor", actor), ("$target", target)));
        await ExecuteAsync(connection, transaction, "DELETE FROM position_periods WHERE actor_id = $actor AND target_id = $target;",
            cancellationToken, ("$actor", actor), ("$target", target));
        await ExecuteAsync(connection, transaction, $"{Aggregate} AND s.actor_id = $actor AND s.target_id = $target GROUP BY s.actor_id, s.target_id, s.stance, period;",
            cancellationToken, ("$actor", actor), ("$target", target));
        affected.UnionWith(await ListAsync(connection, transaction, PeriodsOfPair, r => (r.GetString(0), r.GetString(1)), cancellationToken,
            ("$actor", actor), ("$target", target)));
        foreach (var (stance, period) in affected)
        {
            await ExecuteAsync(connection, transaction,
                "DELETE FROM timeline_periods WHERE target_id = $target AND stance = $stance AND period = $period;",
                cancellationToken, ("$target", target), ("$stance", stance), ("$period", period));
            await ExecuteAsync(connection, transaction,
                """
                INSERT INTO timeline_periods (target_id, stance, period, actors, statements)
                SELECT target_id, stance, period, count(*), sum(statements) FROM position_periods
                WHERE target_id = $target AND stance = $stance AND period = $period
                GROUP BY target_id, stance, period;
                """,
                cancellationToken, ("$target", target), ("$stance", stance), ("$period", period));
        }
    }

    /// <summary>Both tables from scratch, when the schema version changes.</summary>
    public static async Task RebuildAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, "DELETE FROM position_periods; DELETE FROM timeline_periods;", cancellationToken);
        await ExecuteAsync(connection, transaction, $"{Aggregate} GROUP BY s.actor_id, s.target_id, s.stance, period;", cancellationToken);
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO timeline_periods (target_id, stance, period, actors, statements)
            SELECT target_id, stance, period, count(*), sum(statements) FROM position_periods GROUP BY target_id, stance, period;
            """, cancellationToken);
    }
}
