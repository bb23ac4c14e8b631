using Microsoft.Data.Sqlite;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Which sources hold which report (<c>report_sources</c>). A report's id is its text's hash, so copies of one text
/// under several names are one report: it leaves the graph only when the last of them moves on to another text, and
/// the source it shows is always one that still holds it, so re-extraction (which reads a report with that source)
/// never moves a source back to a text it no longer holds.
/// </summary>
internal static class ReportSources
{
    /// <summary>The report <paramref name="source"/> held before it was made to hold <paramref name="reportId"/>, if another.</summary>
    public static async Task<string?> HoldAsync(SqliteConnection connection, SqliteTransaction transaction, string source, string reportId,
        CancellationToken cancellationToken)
    {
        var held = (await ListAsync(connection, transaction, "SELECT report_id FROM report_sources WHERE source = $source;",
            r => r.GetString(0), cancellationToken, ("$source", source))).FirstOrDefault();
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO report_sources (source, report_id) VALUES ($source, $report)
            ON CONFLICT (source) DO UPDATE SET report_id = $report WHERE report_id <> $report;
            """,
            cancellationToken, ("$source", source), ("$report", reportId));
        return held == reportId ? null : held;
    }

    /// <summary>Whether <paramref name="source"/> holds <paramref name="reportId"/> now.</summary>
    public static async Task<bool> HoldsAsync(SqliteConnection connection, SqliteTransaction transaction, string source, string reportId,
        CancellationToken cancellationToken) =>
        await ScalarAsync(connection, transaction, "SELECT count(*) FROM report_sources WHERE source = $source AND report_id = $report;",
            cancellationToken, ("$source", source), ("$report", reportId)) > 0;

    /// <summary>
    /// After <paramref name="source"/> moved on from <paramref name="reportId"/>: whether the report leaves (no source holds
    /// it any more and it was never sent without one; it is the caller's to delete), stays, or stays showing another source
    /// that still holds it, or none when only a write without a source holds it. In the last case its statement ids were
    /// hashed with the source that moved on, whose new text takes them, so the caller removes them, and the report is
    /// marked for re-extraction under the source it shows now (an extractor version no extractor has).
    /// </summary>
    public static async Task<Released> ReleaseAsync(SqliteConnection connection, SqliteTransaction transaction, string reportId, string source,
        CancellationToken cancellationToken)
    {
        var remaining = (await ListAsync(connection, transaction, "SELECT min(source) FROM report_sources WHERE report_id = $id;",
            r => NullableString(r, 0), cancellationToken, ("$id", reportId))).FirstOrDefault();
        // A report sent without a source is held by no name, so no source moving on takes it away. One showing no source
        // was sent so (an older file, or an older build, has no mark on it).
        if (remaining is null && await ScalarAsync(connection, transaction, "SELECT count(*) FROM reports WHERE id = $id AND held_unnamed = 0 AND source IS NOT NULL;",
            cancellationToken, ("$id", reportId)) > 0)
        {
            return Released.Leaves;
        }
        var shown = await ListAsync(connection, transaction,
            "UPDATE reports SET source = $remaining, extractor_version = '' WHERE id = $id AND source = $source RETURNING id;",
            r => r.GetString(0), cancellationToken, ("$remaining", remaining), ("$id", reportId), ("$source", source));
        return shown.Count == 0 ? Released.Stays : Released.ShowsAnother;
    }

    /// <summary>
    /// Each report's own source, for a file written by a build that kept sources on the reports alone (a source then held
    /// one report): before sources were recorded apart, or by an older build beside this one, which replaced reports by
    /// their source and left the rows here naming texts that left. The source a report shows holds it. A file from before
    /// reports were marked when sent without a source gains the column (unmarked: a text sent so after a file had brought
    /// it cannot be told apart there; one showing no source counts as sent so anyway).
    /// </summary>
    public static async Task BackfillAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        if (await ScalarAsync(connection, transaction, "SELECT count(*) FROM pragma_table_info('reports') WHERE name = 'held_unnamed';", cancellationToken) == 0)
        {
            await ExecuteAsync(connection, transaction, "ALTER TABLE reports ADD COLUMN held_unnamed INTEGER NOT NULL DEFAULT 0;", cancellationToken);
        }
        await ExecuteAsync(connection, transaction,
            """
            DELETE FROM report_sources WHERE report_id NOT IN (SELECT id FROM reports);
            INSERT INTO report_sources (source, report_id) SELECT source, id FROM reports WHERE source IS NOT NULL
            ON CONFLICT (source) DO UPDATE SET report_id = excluded.report_id;
            """,
            cancellationToken);
    }
}

/// <summary>What became of a report its source moved on from (<see cref="ReportSources.ReleaseAsync"/>).</summary>
internal enum Released
{
    Leaves,
    Stays,
    ShowsAnother,
}
