using Microsoft.Data.Sqlite;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Who took part in an event (<c>participations</c>): the actors of its statements that are not rejected. A report's
/// write adds those of its statements; triggers on the statements and their curation take them back (see
/// <see cref="EmbeddedSchema"/>); an older file's rows, written once per statement and never taken back, are built again
/// from the statements when it opens.
/// </summary>
internal static class Participations
{
    // The (actor, event) pairs of the statements that stand (not rejected) at an event that exists.
    private const string AddStanding = """
        INSERT OR IGNORE INTO participations (actor_id, event_id)
        SELECT DISTINCT s.actor_id, s.event_id FROM statements s JOIN events e ON e.id = s.event_id
        WHERE NOT EXISTS (SELECT 1 FROM curation c WHERE c.statement_id = s.id AND c.status = 'rejected')
        """;

    public static Task AddOfReportAsync(SqliteConnection connection, SqliteTransaction transaction, string reportId, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"{AddStanding} AND s.report_id = $report;", cancellationToken, ("$report", reportId));

    public static Task RebuildAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"DELETE FROM participations; {AddStanding};", cancellationToken);
}
