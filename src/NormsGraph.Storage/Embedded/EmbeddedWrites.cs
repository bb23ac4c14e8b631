using System.Globalization;
using Microsoft.Data.Sqlite;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>The write side of the embedded store: the SQL that applies the taxonomy, a report and curation, inside a caller's transaction.</summary>
internal static class EmbeddedWrites
{
    public static async Task InitializeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        await ExecuteAsync(connection, null, EmbeddedSchema.Create, cancellationToken);
        await ExecuteAsync(connection, null,
            "INSERT INTO schema_info (key, value) VALUES ('version', $v) ON CONFLICT (key) DO UPDATE SET value = $v;",
            cancellationToken, ("$v", EmbeddedSchema.Version.ToString(CultureInfo.InvariantCulture)));
    }

    public static async Task ApplyTaxonomyAsync(SqliteConnection connection, SqliteTransaction transaction, TaxonomyGraph taxonomy,
        CancellationToken cancellationToken)
    {
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
        if (stored is { } same && same.ExtractorVersion == report.ExtractorVersion)
        {
            return new ApplyResult(report.Id, ApplyOutcome.Unchanged, graph.Actors.Count, graph.Positions.Count);
        }
        string? replaced = null;
        var ingestedAt = now.ToString("O", CultureInfo.InvariantCulture);
        if (stored is { } older)
        {
            // Same text, another extractor: only this report's extraction changes. It keeps its first
            // ingestion time so re-extraction does not reorder the reports.
            await ReportVersions.DeleteReportAsync(connection, transaction, report.Id, cancellationToken);
            (replaced, ingestedAt) = (report.Id, older.IngestedAt);
        }
        if (report.Source is not null && await ReportVersions.ReplacePreviousVersionAsync(connection, transaction, report.Source, cancellationToken) is { } previous)
        {
            replaced = previous;
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
            INSERT INTO reports (id, title, date, source, text, format, extractor_version, ingested_at, event_id)
            VALUES ($id, $title, $date, $source, $text, $format, $version, $at, $event);
            """,
            cancellationToken, ("$id", report.Id), ("$title", report.Title), ("$date", DateText(report.Date)),
            ("$source", report.Source), ("$text", report.Text), ("$format", EnumNames.ToSnakeCase(report.Format)),
            ("$version", report.ExtractorVersion), ("$at", ingestedAt),
            ("$event", graph.Event?.Id));
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
            await ExecuteAsync(connection, transaction,
                """
                INSERT INTO statements (id, report_id, actor_id, target_id, stance, evidence, evidence_start,
                    evidence_length, confidence, speaker_id, sort_date, event_id)
                VALUES ($id, $report, $actor, $target, $stance, $evidence, $start, $length, $confidence, $speaker, $sort, $event)
                ON CONFLICT (id) DO NOTHING;
                """,
                cancellationToken, ("$id", p.Id), ("$report", report.Id), ("$actor", p.ActorId), ("$target", p.TargetId),
                ("$stance", EnumNames.ToSnakeCase(p.Stance)), ("$evidence", p.Evidence), ("$start", p.EvidenceStart),
                ("$length", p.EvidenceLength), ("$confidence", p.Confidence), ("$speaker", p.SpeakerId),
                ("$sort", sortDate), ("$event", graph.Event?.Id));
            if (graph.Event is not null)
            {
                await ExecuteAsync(connection, transaction,
                    "INSERT INTO participations (actor_id, event_id) VALUES ($actor, $event) ON CONFLICT DO NOTHING;",
                    cancellationToken, ("$actor", p.ActorId), ("$event", graph.Event.Id));
            }
        }
        return new ApplyResult(report.Id, replaced is null ? ApplyOutcome.Ingested : ApplyOutcome.Replaced,
            graph.Actors.Count, graph.Positions.Count, replaced);
    }

    public static async Task<bool> SetStatementStatusAsync(SqliteConnection connection, SqliteTransaction transaction, string statementId,
        StatementStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await ScalarAsync(connection, transaction, "SELECT count(*) FROM statements WHERE id = $id;", cancellationToken, ("$id", statementId)) == 0)
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
        return true;
    }

    // A curated entry wins over one found in text; found-in-text entries never overwrite curated ones.
    private static Task UpsertActorAsync(SqliteConnection connection, SqliteTransaction transaction, Actor a, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction,
            """
            INSERT INTO actors (id, name, type, aliases, curated) VALUES ($id, $name, $type, $aliases, $curated)
            ON CONFLICT (id) DO UPDATE SET name = $name, type = $type, aliases = $aliases, curated = $curated
            WHERE $curated = 1 OR actors.curated = 0;
            """,
            cancellationToken, ("$id", a.Id), ("$name", a.Name), ("$type", EnumNames.ToSnakeCase(a.Type)),
            ("$aliases", Aliases(a.Aliases)), ("$curated", a.Curated ? 1 : 0));

    private static Task UpsertTargetAsync(SqliteConnection connection, SqliteTransaction transaction, Target t, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction,
            """
            INSERT INTO targets (id, name, kind, description, framework_id) VALUES ($id, $name, $kind, $description, $framework)
            ON CONFLICT (id) DO UPDATE SET name = $name, kind = $kind, description = coalesce($description, targets.description),
                framework_id = coalesce($framework, targets.framework_id);
            """,
            cancellationToken, ("$id", t.Id), ("$name", t.Name), ("$kind", EnumNames.ToSnakeCase(t.Kind)),
            ("$description", t.Description), ("$framework", t.FrameworkId));
}
