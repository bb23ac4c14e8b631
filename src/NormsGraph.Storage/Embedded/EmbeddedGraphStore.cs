using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The default store: one SQLite file. Writes go through one transaction per report and are
/// serialised in-process; WAL mode lets reads run beside them, and the busy timeout covers other
/// processes (the CLI) writing the same file.
/// </summary>
public sealed class EmbeddedGraphStore : IGraphStore, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeProvider _clock;

    public EmbeddedGraphStore(string path, TimeProvider? clock = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _clock = clock ?? TimeProvider.System;
        Path = full;
    }

    public string Path { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        await ExecuteAsync(connection, null, EmbeddedSchema.Create, cancellationToken);
        await ExecuteAsync(connection, null,
            "INSERT INTO schema_info (key, value) VALUES ('version', $v) ON CONFLICT (key) DO UPDATE SET value = $v;",
            cancellationToken, ("$v", EmbeddedSchema.Version.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task ApplyTaxonomyAsync(TaxonomyGraph taxonomy, CancellationToken cancellationToken)
    {
        await WriteAsync(async (connection, transaction) =>
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
            return 0;
        }, cancellationToken);
    }

    public Task<ApplyResult> ApplyAsync(ReportGraph graph, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
        {
            var report = graph.Report;
            var stored = await StoredVersionAsync(connection, transaction, report.Id, cancellationToken);
            if (stored is { } same && same.ExtractorVersion == report.ExtractorVersion)
            {
                return new ApplyResult(report.Id, ApplyOutcome.Unchanged, graph.Actors.Count, graph.Positions.Count);
            }
            string? replaced = null;
            var ingestedAt = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            if (stored is { } older)
            {
                // Same text, another extractor: only this report's extraction changes. It keeps its first
                // ingestion time so re-extraction does not reorder the reports.
                await DeleteReportAsync(connection, transaction, report.Id, cancellationToken);
                (replaced, ingestedAt) = (report.Id, older.IngestedAt);
            }
            if (report.Source is not null && await ReplacePreviousVersionAsync(connection, transaction, report.Source, cancellationToken) is { } previous)
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
        }, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Actor>> GetActorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await QueryByIdsAsync(ids, "SELECT id, name, type, aliases, curated FROM actors WHERE id IN ({0});", r => new Actor(
            r.GetString(0), r.GetString(1), EnumNames.Parse<ActorType>(r.GetString(2)),
            JsonSerializer.Deserialize<List<string>>(r.GetString(3)) ?? [], r.GetInt64(4) != 0), a => a.Id, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Target>> GetTargetsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await QueryByIdsAsync(ids, "SELECT id, name, kind, description, framework_id FROM targets WHERE id IN ({0});", r => new Target(
            r.GetString(0), r.GetString(1), EnumNames.Parse<TargetKind>(r.GetString(2)), NullableString(r, 3), NullableString(r, 4)),
            t => t.Id, cancellationToken);

    public async Task<IReadOnlyDictionary<string, ReportSummary>> GetReportsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await QueryByIdsAsync(ids,
            "SELECT id, title, date, source, format, extractor_version, ingested_at, event_id FROM reports WHERE id IN ({0});",
            r => new ReportSummary(r.GetString(0), r.GetString(1), ParseDate(NullableString(r, 2)), NullableString(r, 3),
                EnumNames.Parse<ReportFormat>(r.GetString(4)), r.GetString(5),
                DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture), NullableString(r, 7)),
            s => s.Id, cancellationToken);

    public async Task<PositionPage> FindPositionsAsync(PositionQuery query, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.TargetId is not null)
        {
            filters.Add("s.target_id = $target");
            parameters.Add(("$target", query.TargetId));
        }
        if (query.ActorId is not null)
        {
            filters.Add("s.actor_id = $actor");
            parameters.Add(("$actor", query.ActorId));
        }
        if (query.Stance is { } stance)
        {
            filters.Add("s.stance = $stance");
            parameters.Add(("$stance", EnumNames.ToSnakeCase(stance)));
        }
        if (!query.IncludeRejected)
        {
            filters.Add("coalesce(c.status, 'extracted') <> 'rejected'");
        }
        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
        const string From = "FROM statements s LEFT JOIN curation c ON c.statement_id = s.id";

        await using var connection = await OpenAsync(cancellationToken);
        var total = await ScalarAsync(connection, null, $"SELECT count(*) {From} {where};", cancellationToken, [.. parameters]);

        var pageFilters = new List<string>(filters);
        var pageParameters = new List<(string, object?)>(parameters);
        if (query.After is not null)
        {
            var cursor = PositionCursor.Decode(query.After);
            pageFilters.Add("(s.sort_date > $afterDate OR (s.sort_date = $afterDate AND s.id > $afterId))");
            pageParameters.Add(("$afterDate", cursor.SortDate));
            pageParameters.Add(("$afterId", cursor.Id));
        }
        var first = Math.Clamp(query.First, 0, PositionQuery.MaxPageSize);
        pageParameters.Add(("$limit", first + 1));
        var pageWhere = pageFilters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", pageFilters);
        var items = new List<PositionRecord>();
        await using (var command = Command(connection, null,
            $"""
            SELECT s.id, s.actor_id, s.stance, s.target_id, s.evidence, s.evidence_start, s.evidence_length, s.confidence,
                   coalesce(c.status, 'extracted'), s.report_id, s.sort_date, s.event_id
            {From} {pageWhere} ORDER BY s.sort_date, s.id LIMIT $limit;
            """, [.. pageParameters]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var sortDate = reader.GetString(10);
                items.Add(new PositionRecord(reader.GetString(0), reader.GetString(1), EnumNames.Parse<Stance>(reader.GetString(2)),
                    reader.GetString(3), reader.GetString(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetDouble(7),
                    EnumNames.Parse<StatementStatus>(reader.GetString(8)), reader.GetString(9),
                    sortDate == PositionCursor.Undated ? null : ParseDate(sortDate), NullableString(reader, 11)));
            }
        }
        var hasNext = items.Count > first;
        return new PositionPage(hasNext ? items[..first] : items, (int)total, hasNext);
    }

    public Task<bool> SetStatementStatusAsync(string statementId, StatementStatus status, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, transaction) =>
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
                ("$at", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
            return true;
        }, cancellationToken);

    public async IAsyncEnumerable<Report> ReadReportsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT id, title, date, source, text, format, extractor_version FROM reports ORDER BY ingested_at, id;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new Report(reader.GetString(0), reader.GetString(1), ParseDate(NullableString(reader, 2)),
                NullableString(reader, 3), reader.GetString(4), EnumNames.Parse<ReportFormat>(reader.GetString(5)), reader.GetString(6));
        }
    }

    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        async Task<int> Count(string table) => (int)await ScalarAsync(connection, null, $"SELECT count(*) FROM {table};", cancellationToken);
        return new StoreStatistics(await Count("reports"), await Count("actors"), await Count("statements"), await Count("targets"), await Count("events"));
    }

    public Task<GraphView> GetGraphViewAsync(GraphViewQuery query, CancellationToken cancellationToken) =>
        new EmbeddedGraphViewQuery(OpenAsync).GetAsync(query, this, cancellationToken);

    public void Dispose() => _writeLock.Dispose();

    private static async Task<(string ExtractorVersion, string IngestedAt)?> StoredVersionAsync(SqliteConnection connection, SqliteTransaction transaction,
        string reportId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT extractor_version, ingested_at FROM reports WHERE id = $id;", ("$id", reportId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    // Removes an older version of the same source document; statement ids depend on the source, not
    // the content hash, so curation rows (kept separately) attach again to statements that survive.
    private static async Task<string?> ReplacePreviousVersionAsync(SqliteConnection connection, SqliteTransaction transaction, string source, CancellationToken cancellationToken)
    {
        string? previous = null;
        await using (var command = Command(connection, transaction, "SELECT id FROM reports WHERE source = $source LIMIT 1;", ("$source", source)))
        {
            previous = await command.ExecuteScalarAsync(cancellationToken) as string;
        }
        if (previous is null)
        {
            return null;
        }
        await DeleteReportAsync(connection, transaction, previous, cancellationToken);
        return previous;
    }

    // Curation rows are keyed by statement id and deliberately left in place.
    private static async Task DeleteReportAsync(SqliteConnection connection, SqliteTransaction transaction, string reportId, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, "DELETE FROM statements WHERE report_id = $id;", cancellationToken, ("$id", reportId));
        await ExecuteAsync(connection, transaction, "DELETE FROM reports WHERE id = $id;", cancellationToken, ("$id", reportId));
    }

    private static Task UpsertActorAsync(SqliteConnection connection, SqliteTransaction transaction, Actor a, CancellationToken cancellationToken) =>
        // A curated entry wins over one found in text; found-in-text entries never overwrite curated ones.
        ExecuteAsync(connection, transaction,
            """
            INSERT INTO actors (id, name, type, aliases, curated) VALUES ($id, $name, $type, $aliases, $curated)
            ON CONFLICT (id) DO UPDATE SET name = $name, type = $type, aliases = $aliases, curated = $curated
            WHERE $curated = 1 OR actors.curated = 0;
            """,
            cancellationToken, ("$id", a.Id), ("$name", a.Name), ("$type", EnumNames.ToSnakeCase(a.Type)),
            ("$aliases", JsonSerializer.Serialize(a.Aliases)), ("$curated", a.Curated ? 1 : 0));

    private static Task UpsertTargetAsync(SqliteConnection connection, SqliteTransaction transaction, Target t, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction,
            """
            INSERT INTO targets (id, name, kind, description, framework_id) VALUES ($id, $name, $kind, $description, $framework)
            ON CONFLICT (id) DO UPDATE SET name = $name, kind = $kind, description = coalesce($description, targets.description),
                framework_id = coalesce($framework, targets.framework_id);
            """,
            cancellationToken, ("$id", t.Id), ("$name", t.Name), ("$kind", EnumNames.ToSnakeCase(t.Kind)),
            ("$description", t.Description), ("$framework", t.FrameworkId));

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            throw new StoreUnavailableException("The embedded store is busy; another process holds the write lock.", e);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, T>> QueryByIdsAsync<T>(IReadOnlyCollection<string> ids, string sql, Func<SqliteDataReader, T> map,
        Func<T, string> key, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var names = distinct.Select((_, i) => $"$p{i}").ToList();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, string.Format(CultureInfo.InvariantCulture, sql, string.Join(", ", names)),
            [.. names.Zip(distinct, (n, v) => (n, (object?)v))]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var item = map(reader);
            result[key(item)] = item;
        }
        return result;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new StoreUnavailableException($"Cannot open the embedded store at '{Path}': {e.Message}", e);
        }
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string? DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
