using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using NormsGraph.Storage.Neo4j;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// What the Neo4j store sends for curation, for reads by a merged actor's old id, for several actors' stances or
/// targets' positions and for a report sent through the API, against scripted Query API answers (no server here runs the Cypher itself): a change
/// and its audit entry are one request, a resent change answers with the entry it left, an actor's aliases are written
/// only while they are what was read, an old actor id is resolved before any read filtered by it, and a report's
/// sender rides in the write that applies it.
/// </summary>
public sealed class Neo4jCurationRequestTests : FakeQueryApiTests
{
    private const string Entry = """{"fields": ["seq", "at", "beforeValue", "afterValue"], "values": [[7, "2026-01-02T03:04:05.0000000+00:00", "extracted", "rejected"]]}""";
    private const string NoRows = """{"fields": [], "values": []}""";

    private IGraphStore Store()
    {
        Services = Neo4jTestServices.Build(Server.Address, "neo4j", "test", new Dictionary<string, string?> { ["Neo4j:RetryDelay"] = "00:00:00.001" });
        return Services.GetRequiredService<IGraphStore>();
    }

    // Every request read back is also checked to carry each parameter its statement refers to, as a server requires.
    private (string Statement, JsonElement Parameters) Sent(int index)
    {
        using var body = JsonDocument.Parse(Server.Requests[index].Body);
        var (statement, parameters) = (body.RootElement.GetProperty("statement").GetString()!, body.RootElement.GetProperty("parameters").Clone());
        Assert.Empty(CypherParameters.Missing(statement, parameters));
        return (statement, parameters);
    }

    private static string Actor(string requested, string id, string name, string type, params string[] aliases) =>
        $$"""[{{JsonSerializer.Serialize(requested)}}, {{JsonSerializer.Serialize(id)}}, {{JsonSerializer.Serialize(name)}}, {{JsonSerializer.Serialize(type)}}, {{JsonSerializer.Serialize(aliases)}}, true]""";

    private static string Actors(params string[] rows) =>
        $$"""{"fields": ["requested", "id", "name", "type", "aliases", "curated"], "values": [{{string.Join(", ", rows)}}]}""";

    [Fact]
    public async Task A_rejection_and_its_audit_entry_are_one_request_of_one_statement()
    {
        Server.ThenData(Entry);

        var entry = await Store().CurateAsync(new CurationRequest(CurationAction.RejectStatement, "s-1"), "alice", Ct);

        var (statement, parameters) = Sent(0);
        Assert.Single(Server.Requests);
        Assert.Equal(Neo4jAnalystCypher.SetStatus.Text, statement);
        Assert.Equal(("s-1", "rejected", "alice", "reject_statement", "s-1"),
            (parameters.GetProperty("statementId").GetString(), parameters.GetProperty("status").GetString(), parameters.GetProperty("who").GetString(),
             parameters.GetProperty("action").GetString(), parameters.GetProperty("subject").GetString()));
        Assert.Equal(32, parameters.GetProperty("writeToken").GetString()!.Length);
        Assert.Equal(new AuditEntry(7, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), "alice", CurationAction.RejectStatement, "s-1", "extracted", "rejected"),
            entry);
    }

    [Fact]
    public async Task A_change_whose_answer_was_lost_is_resent_and_answers_with_the_entry_its_first_attempt_left()
    {
        // The first attempt committed and its answer was dropped; the resend finds its token and changes nothing.
        Server.ThenDrop().ThenData(NoRows).ThenData(Entry);

        var entry = await Store().CurateAsync(new CurationRequest(CurationAction.SetStance, "s-1", "oppose"), "alice", Ct);

        Assert.Equal(3, Server.Requests.Count);
        var (first, firstParameters) = Sent(0);
        var (resent, resentParameters) = Sent(1);
        var (replay, replayParameters) = Sent(2);
        Assert.Equal((Neo4jAnalystCypher.SetStance.Text, Neo4jAnalystCypher.SetStance.Text, Neo4jAnalystCypher.Replay.Text), (first, resent, replay));
        var token = firstParameters.GetProperty("writeToken").GetString();
        Assert.Equal([token, token], new[] { resentParameters, replayParameters }.Select(p => p.GetProperty("writeToken").GetString()));
        Assert.Equal(7, entry!.Sequence);
    }

    [Fact]
    public async Task A_change_of_a_statement_that_does_not_exist_answers_null()
    {
        Server.ThenData(NoRows).ThenData(NoRows);

        var entry = await Store().CurateAsync(new CurationRequest(CurationAction.ConfirmStatement, "s-missing"), "alice", Ct);

        Assert.Null(entry);
        Assert.Equal([Neo4jAnalystCypher.SetStatus.Text, Neo4jAnalystCypher.Replay.Text], Server.Requests.Select((_, i) => Sent(i).Statement));
    }

    [Fact]
    public async Task A_new_target_is_looked_up_first_and_an_unknown_one_is_refused_without_a_write()
    {
        const string Target = """{"fields": ["id", "name", "kind", "description", "frameworkId"], "values": [["gge-13k", "CERTs", "norm", null, "gge-2015"]]}""";
        Server.ThenData(Target).ThenData(Entry).ThenData(NoRows);
        var store = Store();

        var entry = await store.CurateAsync(new CurationRequest(CurationAction.SetTarget, "s-1", " gge-13k "), "bob", Ct);
        await Assert.ThrowsAsync<CurationException>(() => store.CurateAsync(new CurationRequest(CurationAction.SetTarget, "s-1", "gge-99"), "bob", Ct));

        var sent = Server.Requests.Select((_, i) => Sent(i)).ToList();
        Assert.Equal([Neo4jQueries.GetTargets.Text, Neo4jAnalystCypher.SetTarget.Text, Neo4jQueries.GetTargets.Text], sent.Select(s => s.Statement));
        Assert.Equal(("s-1", "gge-13k"), (sent[1].Parameters.GetProperty("statementId").GetString(), sent[1].Parameters.GetProperty("targetId").GetString()));
        Assert.NotNull(entry);
    }

    [Fact]
    public async Task Bad_values_are_refused_before_any_request()
    {
        var store = Store();

        await Assert.ThrowsAsync<CurationException>(() => store.CurateAsync(new CurationRequest(CurationAction.SetStance, "s-1", "maybe"), "alice", Ct));
        await Assert.ThrowsAsync<CurationException>(() => store.CurateAsync(new CurationRequest(CurationAction.SetActorType, "chl", "robot"), "alice", Ct));
        await Assert.ThrowsAsync<CurationException>(() => store.CurateAsync(new CurationRequest(CurationAction.AddAlias, "chl", " "), "alice", Ct));

        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task An_alias_is_written_only_while_the_actor_has_the_aliases_that_were_read_and_is_read_again_when_not()
    {
        Server
            .ThenData(Actors(Actor("chl", "chl", "Chile", "state", "Republic of Chile")))
            .ThenData(NoRows) // another curator changed the aliases meanwhile
            .ThenData(NoRows) // and this write left no entry
            .ThenData(Actors(Actor("chl", "chl", "Chile", "state", "Republic of Chile", "CL")))
            .ThenData("""{"fields": ["seq", "at", "beforeValue", "afterValue"], "values": [[3, "2026-01-02T03:04:05Z", "[\"Republic of Chile\",\"CL\"]", "[\"Republic of Chile\",\"CL\",\"Chili\"]"]]}""");

        var entry = await Store().CurateAsync(new CurationRequest(CurationAction.AddAlias, "chl", "Chili"), "bob", Ct);

        var writes = Server.Requests.Select((_, i) => Sent(i)).Where(s => s.Statement == Neo4jAnalystCypher.SetActor.Text).Select(s => s.Parameters).ToList();
        Assert.Equal(2, writes.Count);
        Assert.Equal(("Republic of Chile", "Republic of Chile|Chili"), (Strings(writes[0], "expectedAliases"), Strings(writes[0], "aliases")));
        Assert.Equal(("Republic of Chile|CL", "Republic of Chile|CL|Chili"), (Strings(writes[1], "expectedAliases"), Strings(writes[1], "aliases")));
        Assert.Equal(("""["Republic of Chile","CL"]""", """["Republic of Chile","CL","Chili"]""", "state", "state"),
            (writes[1].GetProperty("before").GetString(), writes[1].GetProperty("after").GetString(),
             writes[1].GetProperty("expectedType").GetString(), writes[1].GetProperty("type").GetString()));
        // The alias is also the curator's own, which later reports and taxonomies keep.
        Assert.Equal(("Chili", JsonValueKind.Null), (writes[1].GetProperty("curatorAlias").GetString(), writes[1].GetProperty("curatedType").ValueKind));
        Assert.Equal((3, "bob"), (entry!.Sequence, entry.Who));
    }

    [Fact]
    public async Task A_change_through_a_merged_actors_old_id_is_written_and_logged_on_the_survivor()
    {
        Server
            .ThenData(Actors(Actor("access-now", "chl", "Chile", "state", "Access Now")))
            .ThenData("""{"fields": ["seq", "at", "beforeValue", "afterValue"], "values": [[5, "2026-01-02T03:04:05Z", "state", "other"]]}""");

        var entry = await Store().CurateAsync(new CurationRequest(CurationAction.SetActorType, "access-now", "other"), "bob", Ct);

        var (_, write) = Sent(1);
        Assert.Equal(("chl", "chl"), (write.GetProperty("actorId").GetString(), write.GetProperty("subject").GetString()));
        Assert.Equal("chl", entry!.Subject);
    }

    [Fact]
    public async Task A_new_type_is_sent_as_the_curators_own_too()
    {
        Server
            .ThenData(Actors(Actor("chl", "chl", "Chile", "state", "Republic of Chile")))
            .ThenData("""{"fields": ["seq", "at", "beforeValue", "afterValue"], "values": [[4, "2026-01-02T03:04:05Z", "state", "other"]]}""");

        await Store().CurateAsync(new CurationRequest(CurationAction.SetActorType, "chl", "other"), "bob", Ct);

        var (statement, write) = Sent(1);
        Assert.Equal(Neo4jAnalystCypher.SetActor.Text, statement);
        Assert.Equal(("other", "other", JsonValueKind.Null),
            (write.GetProperty("type").GetString(), write.GetProperty("curatedType").GetString(), write.GetProperty("curatorAlias").ValueKind));
    }

    [Fact]
    public async Task A_merge_resolves_the_survivor_and_refuses_an_old_id_that_is_itself_a_redirect()
    {
        Server
            .ThenData(Actors(Actor("access-now", "access-now", "Access Now", "civil_society"), Actor("cl", "chl", "Chile", "state")))
            .ThenData("""{"fields": ["seq", "at", "beforeValue", "afterValue"], "values": [[1, "2026-01-02T03:04:05Z", "access-now", "chl"]]}""")
            .ThenData(Actors(Actor("access-now", "chl", "Chile", "state"), Actor("chl", "chl", "Chile", "state")));
        var store = Store();

        var merged = await store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "access-now", "cl"), "alice", Ct);
        var again = await Assert.ThrowsAsync<CurationException>(() => store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "access-now", "chl"), "alice", Ct));

        var (statement, parameters) = Sent(1);
        Assert.Equal([Neo4jQueries.GetActors.Text, Neo4jAnalystCypher.MergeActors.Text, Neo4jQueries.GetActors.Text],
            Server.Requests.Select((_, i) => Sent(i).Statement));
        Assert.Equal(("access-now", "chl"), (parameters.GetProperty("oldId").GetString(), parameters.GetProperty("newId").GetString()));
        Assert.Equal(("access-now", "chl"), (merged!.Before, merged.After));
        Assert.Contains("'chl'", again.Message, StringComparison.Ordinal);
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task Actors_are_keyed_by_the_id_asked_for_so_an_old_id_answers_with_the_actor_it_was_merged_into()
    {
        Server.ThenData(Actors(Actor("access-now", "chl", "Chile", "state", "Access Now"), Actor("chl", "chl", "Chile", "state", "Access Now")));

        var actors = await Store().GetActorsAsync(["access-now", "chl", "missing"], Ct);

        Assert.Equal(["access-now", "chl"], actors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("chl", actors["access-now"].Id);
        Assert.Equal(Neo4jQueries.GetActors.Text, Sent(0).Statement);
    }

    [Fact]
    public async Task Positions_of_an_old_actor_id_are_counted_and_paged_with_the_id_it_resolves_to()
    {
        Server
            .ThenData("""{"fields": ["actorId"], "values": [["chl"]]}""")
            .ThenData("""{"fields": ["total"], "values": [[0]]}""")
            .ThenData(NoRows);

        var page = await Store().FindPositionsAsync(new PositionQuery(ActorId: "access-now"), Ct);

        Assert.Equal(0, page.TotalCount);
        var sent = Server.Requests.Select((_, i) => Sent(i)).ToList();
        Assert.Equal([Neo4jQueries.ResolveActor.Text, Neo4jQueries.CountPositions.Text, Neo4jQueries.FindPositionsByActor.Text], sent.Select(s => s.Statement));
        Assert.Equal("access-now", sent[0].Parameters.GetProperty("actorId").GetString());
        Assert.All(sent.Skip(1), s => Assert.Equal("chl", s.Parameters.GetProperty("actorId").GetString()));
    }

    [Fact]
    public async Task Reads_filtered_by_actor_resolve_it_first_and_reads_without_one_send_no_resolution()
    {
        const string Resolved = """{"fields": ["actorId"], "values": [["chl"]]}""";
        const string EmptyPage = """{"fields": ["total", "page"], "values": [[0, []]]}""";
        Server
            .ThenData(Resolved).ThenData(EmptyPage)
            .ThenData(Resolved).ThenData(EmptyPage)
            .ThenData(Resolved).ThenData(EmptyPage)
            .ThenData(Resolved).ThenData("""{"fields": ["actorId", "targetId", "stance", "statements", "first", "last"], "values": []}""")
            .ThenData(EmptyPage);
        var store = Store();

        await store.FindPositionEdgesAsync(new PositionEdgeQuery(ActorId: "access-now"), Ct);
        await store.FindReportsAsync(new ReportQuery(ActorId: "access-now"), Ct);
        await store.FindEventsAsync(new ReportQuery(ActorId: "access-now"), Ct);
        await store.FindAlignedActorsAsync("access-now", 10, null, Ct);
        await store.FindReportsAsync(new ReportQuery(), Ct);

        var sent = Server.Requests.Select((_, i) => Sent(i)).ToList();
        Assert.Equal(9, sent.Count);
        foreach (var read in new[] { 1, 3, 5, 7 })
        {
            Assert.Equal(Neo4jQueries.ResolveActor.Text, sent[read - 1].Statement);
            Assert.Equal("chl", sent[read].Parameters.GetProperty("actorId").GetString());
        }
        Assert.Equal(JsonValueKind.Null, sent[8].Parameters.GetProperty("actorId").ValueKind);
    }

    [Fact]
    public async Task Positions_of_one_report_page_from_the_report_statement_and_count_only_that_report()
    {
        Server.ThenData("""{"fields": ["total"], "values": [[2]]}""").ThenData(NoRows);

        await Store().FindPositionsAsync(new PositionQuery(ReportId: "r-1"), Ct);

        var sent = Server.Requests.Select((_, i) => Sent(i)).ToList();
        Assert.Equal([Neo4jQueries.CountPositions.Text, Neo4jQueries.FindPositionsByReport.Text], sent.Select(s => s.Statement));
        Assert.All(sent, s => Assert.Equal("r-1", s.Parameters.GetProperty("reportId").GetString()));
    }

    [Fact]
    public async Task Several_actors_stances_are_one_request_and_every_actor_asked_for_gets_a_page()
    {
        Server.ThenData("""
            {"fields": ["i", "total", "page"], "values": [
              [0, 2, [{"actorId": "chl", "targetId": "gge-13j", "stance": "support", "statements": 3, "first": "2020-02-12", "last": "2020-07-01"},
                      {"actorId": "chl", "targetId": "p-intl-law", "stance": "support", "statements": 1, "first": null, "last": null}]],
              [1, 0, []]]}
            """);

        var pages = await Store().FindActorStancesAsync(["chl", "nobody", "chl", "jpn"], Stance.Support, 1, Ct);

        var (statement, parameters) = Assert.Single(Server.Requests.Select((_, i) => Sent(i)));
        Assert.Equal(Neo4jAnalystCypher.ActorStances.Text, statement);
        Assert.Equal(("chl|nobody|jpn", "support", 2),
            (Strings(parameters, "actorIds"), parameters.GetProperty("stance").GetString(), parameters.GetProperty("limit").GetInt32()));
        Assert.Equal((2, true, "gge-13j"), (pages["chl"].TotalCount, pages["chl"].HasNextPage, Assert.Single(pages["chl"].Items).TargetId));
        Assert.Equal((0, 0), (pages["nobody"].TotalCount, pages["jpn"].Items.Count));
    }

    [Fact]
    public async Task Several_targets_first_pages_of_positions_are_two_requests_after_resolving_the_actor_they_are_filtered_by()
    {
        Server.ThenData("""{"fields": ["actorId"], "values": [["chl"]]}""")
            .ThenData("""
                {"fields": ["i", "id", "actorId", "stance", "targetId", "evidence", "evidenceStart", "evidenceLength", "confidence", "status",
                            "reportId", "date", "eventId", "sortDate"], "values": [
                  [0, "s-1", "chl", "support", "gge-13j", "Chile agreed.", 0, 13, 0.9, "extracted", "r-1", "2020-02-12", null, "2020-02-12"],
                  [0, "s-2", "chl", "support", "gge-13j", "Chile insisted.", 0, 15, 0.9, "confirmed", "r-2", "2020-07-01", null, "2020-07-01"]]}
                """)
            .ThenData("""{"fields": ["i", "total"], "values": [[0, 3]]}""");

        var pages = await Store().FindPositionPagesAsync(PositionAnchor.Target, ["gge-13j", "nothing", "gge-13j"],
            new PositionQuery(ActorId: "access-now", Stance: Stance.Support, First: 1, MinConfidence: 0.5), Ct);

        var sent = Server.Requests.Select((_, i) => Sent(i)).ToList();
        Assert.Equal([Neo4jQueries.ResolveActor.Text, Neo4jQueries.FindPositionPages.Text, Neo4jQueries.CountPositionPages.Text], sent.Select(s => s.Statement));
        Assert.All(sent.Skip(1), s =>
        {
            Assert.Equal(("target", "gge-13j|nothing", "chl", "support", 0.5),
                (s.Parameters.GetProperty("anchor").GetString(), Strings(s.Parameters, "ids"), s.Parameters.GetProperty("actorId").GetString(),
                    s.Parameters.GetProperty("stance").GetString(), s.Parameters.GetProperty("minConfidence").GetDouble()));
            Assert.Equal(JsonValueKind.Null, s.Parameters.GetProperty("reportId").ValueKind);
        });
        Assert.Equal(2, sent[1].Parameters.GetProperty("limit").GetInt32());
        Assert.Equal((3, true, "s-1"), (pages["gge-13j"].TotalCount, pages["gge-13j"].HasNextPage, Assert.Single(pages["gge-13j"].Items).Id));
        Assert.Equal((0, 0), (pages["nothing"].TotalCount, pages["nothing"].Items.Count));
    }

    [Fact]
    public async Task A_report_sent_through_the_api_names_its_sender_in_the_write_that_applies_it()
    {
        Server.ThenData("""{"fields": ["outcome", "replacedId", "staleReportId", "mode"], "values": [["ingested", null, null, "ingest"]]}""")
            .ThenData("""{"fields": ["outcome", "replacedId", "staleReportId", "mode"], "values": [["ingested", null, null, "ingest"]]}""");
        var store = Store();
        var graph = Contract.TestGraphs.Report("Chile agreed.", null, "a.txt", (Contract.TestGraphs.Chile, Stance.Support, Contract.TestGraphs.IntlLaw, "Chile agreed."));

        await store.ApplyAsync(graph with { SubmittedBy = "curator" }, Ct);
        await store.ApplyAsync(graph, Ct);

        Assert.Equal(Neo4jQueries.ApplyReport.Text, Sent(0).Statement);
        Assert.Equal("curator", Sent(0).Parameters.GetProperty("who").GetString());
        Assert.Equal(JsonValueKind.Null, Sent(1).Parameters.GetProperty("who").ValueKind);
    }

    private static string Strings(JsonElement parameters, string name) =>
        string.Join('|', parameters.GetProperty(name).EnumerateArray().Select(e => e.GetString()));
}
