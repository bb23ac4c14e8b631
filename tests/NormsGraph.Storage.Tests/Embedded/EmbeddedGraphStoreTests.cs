using NormsGraph.Core.Storage;
using NormsGraph.Storage.Embedded;
using NormsGraph.Storage.Tests.Contract;

namespace NormsGraph.Storage.Tests.Embedded;

/// <summary>The store contract against the embedded SQLite store, each test in its own temporary file.</summary>
public sealed class EmbeddedGraphStoreTests : GraphStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "normsgraph-tests", Guid.NewGuid().ToString("N"));
    private EmbeddedGraphStore? _embedded;

    protected override Task<IGraphStore> CreateStoreAsync()
    {
        _embedded = new EmbeddedGraphStore(Path.Combine(_folder, "graph.db"));
        return Task.FromResult<IGraphStore>(_embedded);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _embedded?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Search_snippets_mark_the_words_in_every_hit_of_a_later_page()
    {
        foreach (var (name, text) in new[] { ("a", "Talks.\n\nAlpha spoke of disclosure at length."), ("b", "Talks.\n\nBravo spoke of disclosure, twice: disclosure."),
                     ("c", "Talks.\n\nCarol spoke of disclosure, disclosure and disclosure.") })
        {
            await Store.ApplyAsync(TestGraphs.Report(text, new DateOnly(2020, 1, 1), $"{name}.txt"), Ct);
        }

        var first = await Store.SearchAsync(new SearchQuery("disclosure", First: 2), Ct);
        var second = await Store.SearchAsync(new SearchQuery("disclosure", First: 2, After: first.EndCursor), Ct);

        var hits = first.Items.Concat(second.Items).ToList();
        Assert.Equal(3, hits.Count);
        Assert.All(hits, h => Assert.Contains("[disclosure]", h.Snippet, StringComparison.Ordinal));
        Assert.Contains("Alpha", Assert.Single(second.Items).Snippet, StringComparison.Ordinal);
    }

    /// <summary>
    /// SQLite runs without its connection mutex (<see cref="SqliteThreading"/>), so nothing but the store's own rules
    /// keeps two threads off one connection: readers on four threads beside a writer.
    /// </summary>
    [Fact]
    public async Task Readers_on_many_threads_beside_a_writer_see_each_page_whole_and_never_fewer_statements()
    {
        const int Reports = 40;
        var chile = new PositionEdgeKey("chl", "gge-13j", Core.Domain.Stance.Support);
        var query = new PositionQuery("gge-13j", "chl", Core.Domain.Stance.Support, 100);
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < Reports; i++)
            {
                var evidence = $"Chile backed disclosure, time {i}.";
                await Store.ApplyAsync(TestGraphs.Report(evidence, new DateOnly(2020, 1, 1).AddDays(i), $"r{i}.txt",
                    (TestGraphs.Chile, Core.Domain.Stance.Support, TestGraphs.DisclosureNorm, evidence)), Ct);
            }
        }, Ct);

        async Task<int> ReadUntilWrittenAsync()
        {
            var (reads, seen) = (0, 0);
            while (!writer.IsCompleted || reads == 0)
            {
                var page = await Store.FindPositionsAsync(query, Ct);
                var evidence = await Store.FindEvidenceAsync([chile], 100, Ct);
                var actors = await Store.GetActorsAsync(["chl"], Ct);
                // A page and its total come from one statement, so they agree whatever lands meanwhile; later reads see
                // no fewer statements than earlier ones.
                Assert.Equal(page.TotalCount, page.Items.Count);
                Assert.True(page.TotalCount >= seen);
                Assert.True((evidence.GetValueOrDefault(chile)?.Count ?? 0) >= page.TotalCount);
                Assert.True(page.TotalCount == 0 || actors["chl"].Name == "Chile");
                (reads, seen) = (reads + 1, page.TotalCount);
            }
            return reads;
        }

        var reads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(ReadUntilWrittenAsync, Ct)));
        await writer;

        Assert.All(reads, r => Assert.True(r > 0));
        Assert.Equal(Reports, (await Store.FindPositionsAsync(query, Ct)).TotalCount);
    }

    [Fact]
    public async Task The_file_survives_a_new_store_instance()
    {
        var path = Path.Combine(_folder, "graph.db");
        await Store.ApplyAsync(TestGraphs.Report("Chile agreed on law.", null, "c.txt",
            (TestGraphs.Chile, Core.Domain.Stance.Support, TestGraphs.IntlLaw, "Chile agreed on law.")), Ct);

        using var reopened = new EmbeddedGraphStore(path);
        await reopened.InitializeAsync(Ct);

        Assert.Equal(1, (await reopened.GetStatisticsAsync(Ct)).Reports);
    }

    [Fact]
    public async Task A_file_of_the_previous_schema_gains_the_derived_timeline_and_a_merged_search_index_on_open()
    {
        var path = Path.Combine(_folder, "graph.db");
        await Store.ApplyAsync(TestGraphs.Report("Chile agreed on disclosure.", new DateOnly(2020, 2, 12), "c.txt",
            (TestGraphs.Chile, Core.Domain.Stance.Support, TestGraphs.DisclosureNorm, "Chile agreed on disclosure.")), Ct);
        var expected = await Store.GetTimelineAsync("gge-13j", TimelineGranularity.Month, Ct);
        // What a version 2 file looks like: no timeline rows, and the version it says it is.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM position_periods; DELETE FROM timeline_periods; UPDATE schema_info SET value = '2' WHERE key = 'version';";
            await command.ExecuteNonQueryAsync(Ct);
        }
        Assert.Empty(await Store.GetTimelineAsync("gge-13j", TimelineGranularity.Month, Ct));

        using var reopened = new EmbeddedGraphStore(path);
        await reopened.InitializeAsync(Ct);

        Assert.Equal([("2020-02", Core.Domain.Stance.Support, 1, 1)], expected.Select(p => (p.Period, p.Stance, p.Actors, p.Statements)));
        Assert.Equal(expected.Select(p => (p.Period, p.Stance, p.Actors, p.Statements)),
            (await reopened.GetTimelineAsync("gge-13j", TimelineGranularity.Month, Ct)).Select(p => (p.Period, p.Stance, p.Actors, p.Statements)));
        Assert.Equal("chl", Assert.Single((await reopened.SearchAsync(new SearchQuery("chile", ["actor"]), Ct)).Items).Id);
    }

    [Fact]
    public async Task A_version_3_file_gains_the_report_counts_of_its_position_edges_on_open()
    {
        var path = Path.Combine(_folder, "graph.db");
        await Store.ApplyAsync(TestGraphs.Report("Chile agreed on disclosure. Chile repeated it.", new DateOnly(2020, 2, 12), "c.txt",
            (TestGraphs.Chile, Core.Domain.Stance.Support, TestGraphs.DisclosureNorm, "Chile agreed on disclosure."),
            (TestGraphs.Chile, Core.Domain.Stance.Support, TestGraphs.DisclosureNorm, "Chile repeated it.")), Ct);
        // A version 3 file's edges have no report count.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                DROP TABLE position_edges;
                CREATE TABLE position_edges (actor_id TEXT NOT NULL, target_id TEXT NOT NULL, stance TEXT NOT NULL,
                    statements INTEGER NOT NULL, first_date TEXT, last_date TEXT, PRIMARY KEY (actor_id, target_id, stance));
                UPDATE schema_info SET value = '3' WHERE key = 'version';
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }

        using var reopened = new EmbeddedGraphStore(path);
        await reopened.InitializeAsync(Ct);
        var chile = new PositionEdgeKey("chl", "gge-13j", Core.Domain.Stance.Support);

        Assert.Equal((2, 1), (Assert.Single((await reopened.FindPositionEdgesAsync(new PositionEdgeQuery("gge-13j"), Ct)).Items).Statements,
            (await reopened.FindStanceReportsAsync([chile], 5, null, Ct))[chile].TotalCount));
    }

    [Fact]
    public async Task A_version_4_file_recovers_its_curated_actor_types_and_aliases_from_the_audit_log_on_open()
    {
        var path = Path.Combine(_folder, "graph.db");
        var found = new Core.Domain.Actor("ict4peace", "ICT4Peace", Core.Domain.ActorType.Other, ["ICT4Peace Foundation"], false);
        var merged = new Core.Domain.Actor("cyberpeace", "CyberPeace Institute", Core.Domain.ActorType.Other, ["CPI"], false);
        await Store.ApplyAsync(TestGraphs.Report("ICT4Peace called for disclosure.", null, "a.txt",
            (found, Core.Domain.Stance.Support, TestGraphs.DisclosureNorm, "ICT4Peace called for disclosure.")), Ct);
        await Store.ApplyAsync(TestGraphs.Report("CyberPeace called for disclosure.", null, "b.txt",
            (merged, Core.Domain.Stance.Support, TestGraphs.DisclosureNorm, "CyberPeace called for disclosure.")), Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.SetActorType, "ict4peace", "civil_society"), "alice", Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.AddAlias, "ict4peace", "ICT for Peace"), "alice", Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "cyberpeace", "ict4peace"), "alice", Ct);
        // A version 4 file kept those decisions only in the actors table and the audit log.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE actor_edits; UPDATE schema_info SET value = '4' WHERE key = 'version';";
            await command.ExecuteNonQueryAsync(Ct);
        }

        using var reopened = new EmbeddedGraphStore(path);
        await reopened.InitializeAsync(Ct);
        await reopened.ApplyAsync(TestGraphs.Report("ICT4Peace stressed disclosure.", null, "c.txt",
            (found, Core.Domain.Stance.Support, TestGraphs.DisclosureNorm, "ICT4Peace stressed disclosure.")), Ct);

        var actor = (await reopened.GetActorsAsync(["ict4peace"], Ct))["ict4peace"];
        Assert.Equal(Core.Domain.ActorType.CivilSociety, actor.Type);
        Assert.Equal(["ICT4Peace Foundation", "ICT for Peace", "CyberPeace Institute", "CPI"], actor.Aliases);
    }

    [Fact]
    public async Task A_version_5_file_records_the_source_of_each_report_on_open_so_a_new_text_replaces_the_old()
    {
        var path = Path.Combine(_folder, "graph.db");
        var first = await Store.ApplyAsync(TestGraphs.Report("Chile agreed on disclosure.", null, "c.txt",
            (TestGraphs.Chile, Core.Domain.Stance.Support, TestGraphs.DisclosureNorm, "Chile agreed on disclosure.")), Ct);
        // A version 5 file kept a report's source on the report alone.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE report_sources; UPDATE schema_info SET value = '5' WHERE key = 'version';";
            await command.ExecuteNonQueryAsync(Ct);
        }

        using var reopened = new EmbeddedGraphStore(path);
        await reopened.InitializeAsync(Ct);
        var second = await reopened.ApplyAsync(TestGraphs.Report("Chile doubted disclosure.", null, "c.txt",
            (TestGraphs.Chile, Core.Domain.Stance.Concern, TestGraphs.DisclosureNorm, "Chile doubted disclosure.")), Ct);

        Assert.Equal((ApplyOutcome.Replaced, first.ReportId), (second.Outcome, second.ReplacedReportId));
        Assert.Equal(1, (await reopened.GetStatisticsAsync(Ct)).Reports);
    }

    [Fact]
    public async Task A_file_an_older_build_wrote_to_after_this_one_has_its_sources_set_right_on_open()
    {
        var path = Path.Combine(_folder, "graph.db");
        await Store.ApplyAsync(TestGraphs.Report("Chile agreed on disclosure.", null, "c.txt",
            (TestGraphs.Chile, Core.Domain.Stance.Support, TestGraphs.DisclosureNorm, "Chile agreed on disclosure.")), Ct);
        // A version 5 build (a replica not yet upgraded) stores c.txt's new text: it replaces the report by its source
        // alone, and leaves report_sources naming the text that left.
        const string Doubted = "Chile doubted disclosure.";
        var doubted = TestGraphs.Report(Doubted, null, "c.txt",
            (TestGraphs.Chile, Core.Domain.Stance.Concern, TestGraphs.DisclosureNorm, Doubted)).Report;
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                DELETE FROM statements; DELETE FROM reports;
                INSERT INTO reports (id, title, source, text, format, extractor_version, ingested_at)
                VALUES ('{doubted.Id}', 'Doubted', 'c.txt', '{Doubted}', 'plain_text', 'test', '2026-01-01T00:00:00Z');
                UPDATE schema_info SET value = '5' WHERE key = 'version';
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }

        using var reopened = new EmbeddedGraphStore(path);
        await reopened.InitializeAsync(Ct);
        var third = await reopened.ApplyAsync(TestGraphs.Report("Chile opposed disclosure.", null, "c.txt",
            (TestGraphs.Chile, Core.Domain.Stance.Oppose, TestGraphs.DisclosureNorm, "Chile opposed disclosure.")), Ct);

        Assert.Equal((ApplyOutcome.Replaced, doubted.Id), (third.Outcome, third.ReplacedReportId));
        Assert.Equal(1, (await reopened.GetStatisticsAsync(Ct)).Reports);
    }

    [Fact]
    public async Task A_version_6_file_has_who_took_part_in_each_event_built_again_from_the_statements_on_open()
    {
        var path = Path.Combine(_folder, "graph.db");
        var graph = TestGraphs.Report("Chile agreed on disclosure.", new DateOnly(2021, 3, 8), "c.txt",
            (TestGraphs.Chile, Core.Domain.Stance.Support, TestGraphs.DisclosureNorm, "Chile agreed on disclosure."));
        await Store.ApplyAsync(graph, Ct);
        // A version 6 file kept a participation once written: Japan's, from a sentence a later version dropped.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO participations (actor_id, event_id) VALUES ('jpn', '{graph.Event!.Id}');
                UPDATE schema_info SET value = '6' WHERE key = 'version';
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }

        using var reopened = new EmbeddedGraphStore(path);
        await reopened.InitializeAsync(Ct);

        Assert.Equal(0, (await reopened.FindEventsAsync(new ReportQuery(ActorId: "jpn"), Ct)).TotalCount);
        Assert.Equal(1, (await reopened.FindEventsAsync(new ReportQuery(ActorId: "chl"), Ct)).TotalCount);
    }

    [Fact]
    public async Task A_version_6_file_gains_the_unnamed_mark_and_keeps_a_report_showing_no_source_when_a_file_holding_it_moves_on()
    {
        var path = Path.Combine(_folder, "graph.db");
        const string Sent = "Chile agreed on disclosure.";
        var sent = await Store.ApplyAsync(TestGraphs.Report(Sent, null, null,
            (TestGraphs.Chile, Core.Domain.Stance.Support, TestGraphs.DisclosureNorm, Sent)), Ct);
        await Store.ApplyAsync(TestGraphs.Report(Sent, null, "c.txt",
            (TestGraphs.Chile, Core.Domain.Stance.Support, TestGraphs.DisclosureNorm, Sent)), Ct);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE reports DROP COLUMN held_unnamed; UPDATE schema_info SET value = '6' WHERE key = 'version';";
            await command.ExecuteNonQueryAsync(Ct);
        }

        using var reopened = new EmbeddedGraphStore(path);
        await reopened.InitializeAsync(Ct);
        await reopened.ApplyAsync(TestGraphs.Report("Chile doubted disclosure.", null, "c.txt",
            (TestGraphs.Chile, Core.Domain.Stance.Concern, TestGraphs.DisclosureNorm, "Chile doubted disclosure.")), Ct);

        Assert.Equal(2, (await reopened.GetStatisticsAsync(Ct)).Reports);
        Assert.NotEmpty(await reopened.GetReportsAsync([sent.ReportId], Ct));
    }
}
