using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>The write side of the embedded store: the SQL that applies the taxonomy, a report and curation, inside a caller's transaction.</summary>
internal static class EmbeddedWrites
{
    // A statement about a merged actor's old id is filed under the actor it was merged into.
    private static readonly string InsertStatement = $"""
        INSERT INTO statements (id, report_id, actor_id, target_id, stance, evidence, evidence_start,
            evidence_length, confidence, speaker_id, sort_date, event_id)
        VALUES ($id, $report, {ActorRedirects.Resolved("$actor")},
            $target, $stance, $evidence, $start, $length, $confidence, $speaker, $sort, $event)
        ON CONFLICT (id) DO NOTHING;
        """;

    public static async Task InitializeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, EmbeddedSchema.Create, cancellationToken);
        var version = EmbeddedSchema.Version.ToString(CultureInfo.InvariantCulture);
        var stored = await ListAsync(connection, transaction, "SELECT value FROM schema_info WHERE key = 'version';", r => r.GetString(0), cancellationToken);
        if (stored.FirstOrDefault() != version)
        {
            if (int.TryParse(stored.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var older) && older < 5)
            {
                await ActorEdits.RecoverFromAuditLogAsync(connection, transaction, cancellationToken);
            }
            // What is derived is rebuilt whenever the schema changes, so an older file gains edges and search at once.
            await ReportSources.BackfillAsync(connection, transaction, cancellationToken);
            await PositionEdges.RebuildAsync(connection, transaction, cancellationToken);
            await Participations.RebuildAsync(connection, transaction, cancellationToken);
            await SearchDocuments.RebuildAsync(connection, transaction, cancellationToken);
            await ExecuteAsync(connection, transaction,
                "INSERT INTO schema_info (key, value) VALUES ('version', $v) ON CONFLICT (key) DO UPDATE SET value = $v;",
                cancellationToken, ("$v", version));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Writes the taxonomy unless the stored one has the same hash: start-up then costs one read instead of some 600 upserts.</summary>
    public static async Task ApplyTaxonomyAsync(SqliteConnection connection, SqliteTransaction transaction, TaxonomyGraph taxonomy,
        CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(taxonomy)));
        var stored = await ListAsync(connection, transaction, "SELECT value FROM schema_info WHERE key = 'taxonomy_hash';", r => r.GetString(0), cancellationToken);
        if (stored.FirstOrDefault() == hash)
        {
            return;
        }
        await ExecuteAsync(connection, transaction,
            "INSERT INTO schema_info (key, value) VALUES ('taxonomy_hash', $v) ON CONFLICT (key) DO UPDATE SET value = $v;",
            cancellationToken, ("$v", hash));
        foreach (var f in taxonomy.Frameworks)
        {
            await ExecuteAsync(connection, transaction,
                "INSERT INTO frameworks (id, name, year) VALUES ($id, $name, $year) ON CONFLICT (id) DO UPDATE SET name = $name, year = $year;",
                cancellationToken, ("$id", f.Id), ("$name", f.Name), ("$year", f.Year));
        }
        foreach (var t in taxonomy.Targets)
        {
            await UpsertTargetAsync(connection, transaction, t, cancellationToken);
        }
        foreach (var p in taxonomy.Processes)
        {
            await ExecuteAsync(connection, transaction,
                "INSERT INTO processes (id, name, acronym) VALUES ($id, $name, $acronym) ON CONFLICT (id) DO UPDATE SET name = $name, acronym = $acronym;",
                cancellationToken, ("$id", p.Id), ("$name", p.Name), ("$acronym", p.Acronym));
            await SearchDocuments.UpsertAsync(connection, transaction, "process", p.Id, p.Name, p.Acronym ?? "", cancellationToken);
        }
        foreach (var a in taxonomy.Actors)
        {
            await UpsertActorAsync(connection, transaction, a, cancellationToken);
        }
    }

    public static async Task<ApplyResult> ApplyReportAsync(SqliteConnection connection, SqliteTransaction transaction, ReportGraph graph,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var report = graph.Report;
        var stored = await ReportVersions.StoredVersionAsync(connection, transaction, report.Id, cancellationToken);
        if (graph.Reextraction && (stored is null
            || report.Source is not null && !await ReportSources.HoldsAsync(connection, transaction, report.Source, report.Id, cancellationToken)))
        {
            // Since the re-extraction read it, a writer took the report away or moved its source on: that stands.
            return new ApplyResult(report.Id, ApplyOutcome.Unchanged, graph.Actors.Count, graph.Positions.Count);
        }
        string? replaced = null;
        string? stale = null;
        // Pairs whose position edges change: those of the statements that go and of those that come.
        var touched = new HashSet<(string ActorId, string TargetId)>();
        // The text this source held before, which leaves the graph unless another source still holds it; one that stays
        // showing another source loses the statements hashed with this one until it is re-extracted.
        if (report.Source is not null
            && await ReportSources.HoldAsync(connection, transaction, report.Source, report.Id, cancellationToken) is { } previous)
        {
            var released = await ReportSources.ReleaseAsync(connection, transaction, previous, report.Source, cancellationToken);
            if (released != Released.Stays)
            {
                touched.UnionWith(await PositionEdges.PairsOfReportAsync(connection, transaction, previous, cancellationToken));
                await ReportVersions.DeleteStatementsAsync(connection, transaction, previous, cancellationToken);
            }
            if (released == Released.Leaves)
            {
                await ReportVersions.DeleteReportAsync(connection, transaction, previous, cancellationToken);
                await SearchDocuments.DeleteAsync(connection, transaction, "report", previous, cancellationToken);
                replaced = previous;
            }
            stale = released == Released.ShowsAnother ? previous : null;
        }
        if (stored is { HeldUnnamed: false } && report.Source is null)
        {
            // Sent without a source (through the API): no file moving on takes this text away any more.
            await ExecuteAsync(connection, transaction, "UPDATE reports SET held_unnamed = 1 WHERE id = $id;", cancellationToken, ("$id", report.Id));
        }
        // A copy under a source the report does not show leaves its extraction alone whatever read it: its statement ids
        // hash the copy's source, so the report's own would go and their curation with them (reextract reads it anew).
        if (stored is { } same && (same.ExtractorVersion == report.ExtractorVersion || same.Source != report.Source))
        {
            // The text is stored as this extractor reads it; only a text the source moved on from may have left.
            await PositionEdges.RecomputeAsync(connection, transaction, touched, cancellationToken);
            return new ApplyResult(report.Id, replaced is null ? ApplyOutcome.Unchanged : ApplyOutcome.Replaced,
                graph.Actors.Count, graph.Positions.Count, replaced, stale);
        }
        var ingestedAt = now.ToString("O", CultureInfo.InvariantCulture);
        if (stored is { } older)
        {
            // Same text, another extractor: only this report's extraction changes. It keeps its first
            // ingestion time so re-extraction does not reorder the reports.
            touched.UnionWith(await PositionEdges.PairsOfReportAsync(connection, transaction, report.Id, cancellationToken));
            await ReportVersions.DeleteReportAsync(connection, transaction, report.Id, cancellationToken);
            (replaced, ingestedAt) = (replaced ?? report.Id, older.IngestedAt);
        }

        if (graph.Process is { } process)
        {
            await ExecuteAsync(connection, transaction,
                "INSERT INTO processes (id, name, acronym) VALUES ($id, $name, $acronym) ON CONFLICT (id) DO NOTHING;",
                cancellationToken, ("$id", process.Id), ("$name", process.Name), ("$acronym", process.Acronym));
        }
        if (graph.Event is { } e)
        {
            await ExecuteAsync(connection, transaction,
                """
                INSERT INTO events (id, title, date, start_time, end_time, process_id)
                VALUES ($id, $title, $date, $start, $end, $process)
                ON CONFLICT (id) DO UPDATE SET process_id = coalesce(events.process_id, $process);
                """,
                cancellationToken, ("$id", e.Id), ("$title", e.Title), ("$date", DateText(e.Date)), ("$start", e.Start),
                ("$end", e.End), ("$process", e.ProcessId));
        }
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO reports (id, title, date, source, text, format, extractor_version, ingested_at, event_id, held_unnamed)
            VALUES ($id, $title, $date, $source, $text, $format, $version, $at, $event, $unnamed);
            """,
            cancellationToken, ("$id", report.Id), ("$title", report.Title), ("$date", DateText(report.Date)),
            ("$source", report.Source), ("$text", report.Text), ("$format", EnumNames.ToSnakeCase(report.Format)),
            ("$version", report.ExtractorVersion), ("$at", ingestedAt),
            ("$event", graph.Event?.Id), ("$unnamed", report.Source is null || stored is { HeldUnnamed: true }));
        await SearchDocuments.UpsertAsync(connection, transaction, "report", report.Id, report.Title, report.Text, cancellationToken);
        foreach (var actor in graph.Actors)
        {
            await UpsertActorAsync(connection, transaction, actor, cancellationToken);
        }
        foreach (var target in graph.Targets)
        {
            await UpsertTargetAsync(connection, transaction, target, cancellationToken);
        }
        var sortDate = PositionCursor.SortKey(report.Date);
        foreach (var p in graph.Positions)
        {
            await ExecuteAsync(connection, transaction, InsertStatement,
                cancellationToken, ("$id", p.Id), ("$report", report.Id), ("$actor", p.ActorId), ("$target", p.TargetId),
                ("$stance", EnumNames.ToSnakeCase(p.Stance)), ("$evidence", p.Evidence), ("$start", p.EvidenceStart),
                ("$length", p.EvidenceLength), ("$confidence", p.Confidence), ("$speaker", p.SpeakerId),
                ("$sort", sortDate), ("$event", graph.Event?.Id));
        }
        // Curated edits survive re-ingestion: statements that come back take their edited stance or target again.
        await ExecuteAsync(connection, transaction,
            """
            UPDATE statements SET stance = coalesce(e.stance, statements.stance), target_id = coalesce(e.target_id, statements.target_id)
            FROM statement_edits e WHERE e.statement_id = statements.id AND statements.report_id = $report;
            """,
            cancellationToken, ("$report", report.Id));
        await Participations.AddOfReportAsync(connection, transaction, report.Id, cancellationToken);
        touched.UnionWith(await PositionEdges.PairsOfReportAsync(connection, transaction, report.Id, cancellationToken));
        await PositionEdges.RecomputeAsync(connection, transaction, touched, cancellationToken);
        return new ApplyResult(report.Id, replaced is null ? ApplyOutcome.Ingested : ApplyOutcome.Replaced,
            graph.Actors.Count, graph.Positions.Count, replaced, stale);
    }

    public static async Task<bool> SetStatementStatusAsync(SqliteConnection connection, SqliteTransaction transaction, string statementId,
        StatementStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pair = await ListAsync(connection, transaction, "SELECT actor_id, target_id FROM statements WHERE id = $id;",
            r => (r.GetString(0), r.GetString(1)), cancellationToken, ("$id", statementId));
        if (pair.Count == 0)
        {
            return false;
        }
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO curation (statement_id, status, updated_at) VALUES ($id, $status, $at)
            ON CONFLICT (statement_id) DO UPDATE SET status = $status, updated_at = $at;
            """,
            cancellationToken, ("$id", statementId), ("$status", EnumNames.ToSnakeCase(status)),
            ("$at", now.ToString("O", CultureInfo.InvariantCulture)));
        await PositionEdges.RecomputeAsync(connection, transaction, pair, cancellationToken);
        return true;
    }

    // A curated entry wins over one found in text; found-in-text entries never overwrite curated ones; curators' own type
    // and aliases win over both. A merged actor's old id is not created again: its statements go to the actor it was merged into.
    private static async Task UpsertActorAsync(SqliteConnection connection, SqliteTransaction transaction, Actor incoming, CancellationToken cancellationToken)
    {
        var a = await ActorEdits.OverAsync(connection, transaction, incoming, cancellationToken);
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO actors (id, name, type, aliases, curated)
            SELECT $id, $name, $type, $aliases, $curated WHERE NOT EXISTS (SELECT 1 FROM actor_redirects WHERE old_id = $id)
            ON CONFLICT (id) DO UPDATE SET name = $name, type = $type, aliases = $aliases, curated = $curated
            WHERE $curated = 1 OR actors.curated = 0;
            """,
            cancellationToken, ("$id", a.Id), ("$name", a.Name), ("$type", EnumNames.ToSnakeCase(a.Type)),
            ("$aliases", Aliases(a.Aliases)), ("$curated", a.Curated ? 1 : 0));
        await SearchDocuments.ActorAsync(connection, transaction, a.Id, cancellationToken);
    }

    private static async Task UpsertTargetAsync(SqliteConnection connection, SqliteTransaction transaction, Target t, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO targets (id, name, kind, description, framework_id) VALUES ($id, $name, $kind, $description, $framework)
            ON CONFLICT (id) DO UPDATE SET name = $name, kind = $kind, description = coalesce($description, targets.description),
                framework_id = coalesce($framework, targets.framework_id);
            """,
            cancellationToken, ("$id", t.Id), ("$name", t.Name), ("$kind", EnumNames.ToSnakeCase(t.Kind)),
            ("$description", t.Description), ("$framework", t.FrameworkId));
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO search_docs (kind, id, title, body) SELECT kind, id, name, coalesce(description, '') FROM targets WHERE id = $id
            ON CONFLICT (kind, id) DO UPDATE SET title = excluded.title, body = excluded.body
                WHERE title <> excluded.title OR body <> excluded.body;
            """,
            cancellationToken, ("$id", t.Id));
    }
}
