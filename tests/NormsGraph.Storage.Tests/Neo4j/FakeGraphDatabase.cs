using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NormsGraph.Storage.Neo4j;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// An imitation of what the store's statements do to a graph, enough to run whole workers against: the
/// migrations, the taxonomy, <c>apply_report</c>, curation and the statistics, recognised by their text. A
/// write takes its locks in the order apply_report.cypher documents (the document's reports, then actors,
/// targets, processes and events, each by id) from a <see cref="FakeLockManager"/>, holds them a moment,
/// applies its change atomically and releases them, as an auto-commit transaction does; <see cref="FakeFaults"/>
/// make some writes fail on the way or lose their answer after the commit. It keeps reports and statements,
/// not position edges or text search: those are Cypher's business, checked against a real server.
/// </summary>
internal sealed class FakeGraphDatabase(FakeFaults faults, TimeSpan lockTimeout)
{
    private static readonly HashSet<string> MigrationStatements =
        [.. Neo4jMigrator.Migrations.SelectMany(m => m.Statements)];

    private readonly Lock _data = new();
    private readonly Dictionary<string, FakeReport> _reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeStatement> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _curation = new(StringComparer.Ordinal);
    private readonly HashSet<string> _actors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _targets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _events = new(StringComparer.Ordinal);
    private readonly HashSet<int> _migrations = [];
    private readonly Dictionary<string, int> _commits = new(StringComparer.Ordinal);
    private readonly List<(string ReportId, string Outcome)> _answered = [];
    private long _transactions;

    public FakeLockManager Locks { get; } = new(lockTimeout);

    public FakeFaults Faults => faults;

    public IReadOnlyDictionary<string, FakeReport> Reports { get { lock (_data) { return new Dictionary<string, FakeReport>(_reports); } } }

    public IReadOnlyDictionary<string, FakeStatement> Statements { get { lock (_data) { return new Dictionary<string, FakeStatement>(_statements); } } }

    /// <summary>How many times each report's graph was written (ingested or replaced): once each, or something was doubled.</summary>
    public IReadOnlyDictionary<string, int> Commits { get { lock (_data) { return new Dictionary<string, int>(_commits); } } }

    /// <summary>Every apply_report outcome that reached a client, by report.</summary>
    public IReadOnlyList<(string ReportId, string Outcome)> Answered { get { lock (_data) { return [.. _answered]; } } }

    /// <summary>What a build from before migration 8 leaves when it writes: no source holds the text it wrote.</summary>
    public void ForgetSource(string source)
    {
        lock (_data)
        {
            _sources.Remove(source);
        }
    }

    public async Task AnswerAsync(HttpContext context, string body)
    {
        using var request = JsonDocument.Parse(body);
        var statement = request.RootElement.GetProperty("statement").GetString() ?? "";
        var parameters = request.RootElement.TryGetProperty("parameters", out var p) ? p : default;
        var transaction = Interlocked.Increment(ref _transactions);
        string json;
        try
        {
            var (answer, dropAnswer) = await RunAsync(transaction, statement, parameters, context.RequestAborted);
            if (dropAnswer)
            {
                context.Abort();
                return;
            }
            json = JsonSerializer.Serialize(new { data = answer, bookmarks = new[] { $"FB:fake-{transaction}" } });
        }
        catch (FakeNeo4jError e)
        {
            json = JsonSerializer.Serialize(new { errors = new[] { new { code = e.Code, message = e.Message } } });
        }
        finally
        {
            Locks.ReleaseAll(transaction);
        }
        context.Response.StatusCode = 202;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    private async Task<(object Answer, bool DropAnswer)> RunAsync(long transaction, string statement, JsonElement parameters, CancellationToken cancellationToken)
    {
        if (CypherParameters.Missing(statement, parameters) is { Count: > 0 } missing)
        {
            throw new FakeNeo4jError("Neo.ClientError.Statement.ParameterMissing", $"Expected parameter(s): {string.Join(", ", missing)}");
        }
        if (statement == Neo4jQueries.ApplyReport.Text)
        {
            return await ApplyReportAsync(transaction, parameters, cancellationToken);
        }
        if (statement == Neo4jQueries.ApplyTaxonomy.Text)
        {
            return (await ApplyTaxonomyAsync(transaction, parameters, cancellationToken), false);
        }
        if (statement == Neo4jQueries.SetStatementStatus.Text)
        {
            return (await SetStatusAsync(transaction, parameters, cancellationToken), false);
        }
        lock (_data)
        {
            if (statement == Neo4jQueries.AppliedMigrations.Text)
            {
                return (Rows(["version"], _migrations.Order().Select(v => new object?[] { v })), false);
            }
            if (statement == Neo4jQueries.RecordMigration.Text)
            {
                _migrations.Add(parameters.GetProperty("version").GetInt32());
                return (Rows([], []), false);
            }
            if (statement == Neo4jQueries.RepairReportSources.Text)
            {
                // The source a report shows holds it.
                var stale = _reports.Values.Where(r => r.Source is not null && _sources.GetValueOrDefault(r.Source) != r.Id).ToList();
                stale.ForEach(r => _sources[r.Source!] = r.Id);
                return (Rows(["repaired"], [[stale.Count]]), false);
            }
            if (statement == Neo4jQueries.AwaitIndexes.Text || MigrationStatements.Contains(statement))
            {
                return (Rows([], []), false);
            }
            if (statement == Neo4jQueries.Statistics.Text)
            {
                return (Rows(["reports", "actors", "statements", "targets", "events"],
                    [[_reports.Count, _actors.Count, _statements.Count, _targets.Count, _events.Count]]), false);
            }
        }
        throw new FakeNeo4jError("Test.UnsupportedStatement", "The imitation does not run this statement.");
    }

    private async Task<(object, bool)> ApplyReportAsync(long transaction, JsonElement p, CancellationToken cancellationToken)
    {
        faults.BeforeStart();
        var report = p.GetProperty("report");
        var id = report.GetProperty("id").GetString()!;
        var source = Text(report, "source");
        var token = p.GetProperty("writeToken").GetString()!;
        var reextraction = p.TryGetProperty("reextraction", out var flag) && flag.GetBoolean();
        var statements = p.GetProperty("statements").EnumerateArray()
            .Select(s => new FakeStatement(s.GetProperty("id").GetString()!, id, s.GetProperty("actorId").GetString()!,
                s.GetProperty("targetId").GetString()!, s.GetProperty("stance").GetString()!, "extracted"))
            .ToList();

        // 1. The document's versions: its source, then the report it held and this one, by id.
        await LockAllAsync(transaction, "ReportSource", [source], cancellationToken);
        string? held;
        lock (_data)
        {
            held = source is null ? null : _sources.GetValueOrDefault(source);
        }
        await LockAllAsync(transaction, "Report", [held, id], cancellationToken);

        // 2. What to do, read under those locks.
        FakeReport? stored;
        string? previousId;
        List<FakeReport> previous;
        List<FakeStatement> doomed;
        string mode;
        bool stale;
        lock (_data)
        {
            stored = _reports.GetValueOrDefault(id);
            previousId = held == id ? null : held;
            var leaves = previousId is not null && !(_reports[previousId].HeldUnnamed || _reports[previousId].Source is null)
                && !_sources.Any(s => s.Key != source && s.Value == previousId);
            stale = previousId is not null && !leaves && _reports[previousId].Source == source;
            mode = stored is null ? (reextraction ? "skip" : "ingest")
                : stored.WriteToken == token ? "replay"
                : reextraction && source is not null && _sources.GetValueOrDefault(source) != id ? "skip"
                : stored.ExtractorVersion != report.GetProperty("extractorVersion").GetString() && stored.Source == source ? "reextract"
                : leaves || stale ? "release" : "unchanged";
            previous = leaves ? [_reports[previousId!]] : [];
            var doomedReports = previous.Select(r => r.Id).Concat(stale ? [previousId!] : []).Concat(mode == "reextract" ? [id] : [])
                .ToHashSet(StringComparer.Ordinal);
            doomed = [.. _statements.Values.Where(s => doomedReports.Contains(s.ReportId))];
            if (mode == "release")
            {
                statements.Clear();
            }
        }
        if (mode == "replay")
        {
            return (Answer(id, stored!.WriteOutcome, stored.ReplacedId, null, mode), false);
        }
        if (mode == "skip")
        {
            return (Answer(id, "unchanged", null, null, mode), false);
        }
        if (mode == "unchanged")
        {
            lock (_data)
            {
                MoveSource(source, id, previousId);
                if (source is null)
                {
                    _reports[id] = _reports[id] with { HeldUnnamed = true };
                }
            }
            return (Answer(id, "unchanged", null, null, mode), false);
        }

        // 3. The shared nodes, kind by kind, each by id.
        await LockAllAsync(transaction, "Actor", doomed.Select(s => s.ActorId).Concat(statements.Select(s => s.ActorId))
            .Concat(p.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)), cancellationToken);
        faults.WhileLocked();
        await LockAllAsync(transaction, "Target", doomed.Select(s => s.TargetId).Concat(statements.Select(s => s.TargetId))
            .Concat(p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)), cancellationToken);
        var eventId = Text(p.GetProperty("event"), "id");
        await LockAllAsync(transaction, "Process", [Text(p.GetProperty("process"), "id"), Text(p.GetProperty("event"), "processId")], cancellationToken);
        await LockAllAsync(transaction, "Event", [eventId, .. previous.Select(r => r.EventId), .. mode == "reextract" ? [stored!.EventId] : Array.Empty<string?>()],
            cancellationToken);
        faults.WhileLocked();
        await Task.Delay(faults.Hold(), cancellationToken);

        // 4. The commit, all at once.
        string outcome;
        string? replacedId;
        lock (_data)
        {
            MoveSource(source, id, previousId);
            foreach (var old in doomed)
            {
                _statements.Remove(old.Id);
            }
            foreach (var old in previous)
            {
                _reports.Remove(old.Id);
                // An event no report covers any more goes, unless it is this report's.
                if (old.EventId is { } oldEvent && oldEvent != eventId && !_reports.Values.Any(r => r.EventId == oldEvent))
                {
                    _events.Remove(oldEvent);
                }
            }
            replacedId = previous.FirstOrDefault()?.Id ?? (mode == "reextract" ? id : null);
            outcome = replacedId is not null ? "replaced" : mode == "release" ? "unchanged" : "ingested";
            _reports[id] = mode == "release"
                ? stored! with { WriteToken = token, WriteOutcome = outcome, ReplacedId = replacedId }
                : new FakeReport(id, source, report.GetProperty("extractorVersion").GetString()!,
                    stored?.IngestedAt ?? report.GetProperty("ingestedAt").GetString()!, eventId, token, outcome, replacedId,
                    source is null || stored is { HeldUnnamed: true });
            foreach (var s in statements)
            {
                _statements.TryAdd(s.Id, s with { Status = _curation.GetValueOrDefault(s.Id, "extracted") });
            }
            _actors.UnionWith(p.GetProperty("actors").EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
            _targets.UnionWith(p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("id").GetString()!));
            if (eventId is not null)
            {
                _events.Add(eventId);
            }
            _commits[id] = _commits.GetValueOrDefault(id) + 1;
        }
        if (faults.LoseAnswer())
        {
            return (Rows([], []), true);
        }
        return (Answer(id, outcome, replacedId, stale ? previousId : null, mode), false);
    }

    // The source holds the report now; the one it held before shows another source that still holds it, if any.
    private void MoveSource(string? source, string reportId, string? previousId)
    {
        if (source is null)
        {
            return;
        }
        _sources[source] = reportId;
        var remaining = _sources.Where(s => s.Value == previousId).Select(s => s.Key).Order(StringComparer.Ordinal).FirstOrDefault();
        if (previousId is not null && (remaining is not null || _reports[previousId].HeldUnnamed) && _reports[previousId].Source == source)
        {
            _reports[previousId] = _reports[previousId] with { Source = remaining, ExtractorVersion = "" };
        }
    }

    private async Task<object> ApplyTaxonomyAsync(long transaction, JsonElement p, CancellationToken cancellationToken)
    {
        var actors = Ids(p.GetProperty("actors"));
        var targets = Ids(p.GetProperty("targets"));
        await LockAllAsync(transaction, "Actor", actors, cancellationToken);
        await LockAllAsync(transaction, "Target", targets, cancellationToken);
        await LockAllAsync(transaction, "Process", Ids(p.GetProperty("processes")), cancellationToken);
        await LockAllAsync(transaction, "Framework", Ids(p.GetProperty("frameworks")), cancellationToken);
        lock (_data)
        {
            _actors.UnionWith(actors);
            _targets.UnionWith(targets);
        }
        return Rows(["actors", "targets", "processes", "frameworks"], [[actors.Count, targets.Count, 0, 0]]);
    }

    private async Task<object> SetStatusAsync(long transaction, JsonElement p, CancellationToken cancellationToken)
    {
        var id = p.GetProperty("statementId").GetString()!;
        FakeStatement? first;
        string? eventId;
        lock (_data)
        {
            first = _statements.GetValueOrDefault(id);
            eventId = first is null ? null : _reports.GetValueOrDefault(first.ReportId)?.EventId;
        }
        if (first is null)
        {
            return Rows(["actorId", "targetId"], []);
        }
        await LockAllAsync(transaction, "Actor", [first.ActorId], cancellationToken);
        await LockAllAsync(transaction, "Target", [first.TargetId], cancellationToken);
        await LockAllAsync(transaction, "Event", [eventId], cancellationToken);
        await LockAllAsync(transaction, "Statement", [id], cancellationToken);
        lock (_data)
        {
            if (!_statements.TryGetValue(id, out var statement))
            {
                return Rows(["actorId", "targetId"], []);
            }
            var status = p.GetProperty("status").GetString()!;
            _curation[id] = status;
            _statements[id] = statement with { Status = status };
            return Rows(["actorId", "targetId"], [[statement.ActorId, statement.TargetId]]);
        }
    }

    private Task LockAllAsync(long transaction, string label, IEnumerable<string?> ids, CancellationToken cancellationToken) =>
        LockInOrderAsync(transaction, label, [.. ids.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], cancellationToken);

    private async Task LockInOrderAsync(long transaction, string label, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            await Locks.AcquireAsync(transaction, $"{label}:{id}", cancellationToken);
        }
    }

    private object Answer(string reportId, string outcome, string? replacedId, string? staleReportId, string mode)
    {
        lock (_data)
        {
            _answered.Add((reportId, outcome));
        }
        return Rows(["outcome", "replacedId", "staleReportId", "mode"], [[outcome, replacedId, staleReportId, mode]]);
    }

    private static object Rows(string[] fields, IEnumerable<object?[]> values) => new { fields, values = values.ToList() };

    private static List<string> Ids(JsonElement rows) => [.. rows.EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
