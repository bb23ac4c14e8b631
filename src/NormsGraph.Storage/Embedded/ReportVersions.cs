using Microsoft.Data.Sqlite;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// A stored report's versions. A report id is its content hash; the same id from another extractor version is
/// re-extracted in place, and a new text from the same source replaces the old one (see <see cref="ReportSources"/>).
/// Curation rows are keyed by statement id and left in place, so statements that come back get their decisions back.
/// </summary>
internal static class ReportVersions
{
    public static async Task<StoredReport?> StoredVersionAsync(SqliteConnection connection, SqliteTransaction transaction, string reportId,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            "SELECT extractor_version, ingested_at, source, held_unnamed FROM reports WHERE id = $id;", ("$id", reportId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredReport(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), reader.GetBoolean(3))
            : null;
    }

    public static async Task DeleteReportAsync(SqliteConnection connection, SqliteTransaction transaction, string reportId, CancellationToken cancellationToken)
    {
        await DeleteStatementsAsync(connection, transaction, reportId, cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM reports WHERE id = $id;", cancellationToken, ("$id", reportId));
    }

    public static Task DeleteStatementsAsync(SqliteConnection connection, SqliteTransaction transaction, string reportId, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "DELETE FROM statements WHERE report_id = $id;", cancellationToken, ("$id", reportId));
}

/// <summary>
/// What a write needs to know of the stored version of its text: <paramref name="HeldUnnamed"/> when it was ever sent
/// without a source (through the API), which holds it as long as the graph lives, whatever its files do.
/// </summary>
internal sealed record StoredReport(string ExtractorVersion, string IngestedAt, string? Source, bool HeldUnnamed);
