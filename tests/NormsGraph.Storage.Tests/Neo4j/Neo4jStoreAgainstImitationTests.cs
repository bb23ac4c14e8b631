using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using NormsGraph.Storage.Neo4j;
using static NormsGraph.Storage.Tests.Contract.TestGraphs;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// The Neo4j store's write path without a server, against the Query API imitation: a report is one request,
/// and a retried commit that had landed answers its own outcome instead of "unchanged".
/// </summary>
public sealed class Neo4jStoreAgainstImitationTests : FakeQueryApiTests
{
    private async Task<IGraphStore> StoreAsync(FakeFaults faults)
    {
        var database = new FakeGraphDatabase(faults, TimeSpan.FromSeconds(2));
        Server.Database = database;
        Services = Neo4jTestServices.Build(Server.Address, "neo4j", "test", new Dictionary<string, string?>
        {
            ["Neo4j:RetryDelay"] = "00:00:00.001",
        });
        var store = Services.GetRequiredService<IGraphStore>();
        await store.InitializeAsync(Ct);
        await store.ApplyTaxonomyAsync(Taxonomy(), Ct);
        return store;
    }

    private static ReportGraph ChileOnDisclosure() => Report("Chile agreed on disclosure.", new DateOnly(2020, 2, 12), "a.txt",
        (Chile, Stance.Support, DisclosureNorm, "Chile agreed on disclosure."));

    [Fact]
    public async Task A_report_is_one_auto_commit_request_of_the_apply_report_statement()
    {
        var store = await StoreAsync(new FakeFaults());
        var before = Server.Requests.Count;

        var graph = ChileOnDisclosure();

        var result = await store.ApplyAsync(graph, Ct);

        Assert.Equal(ApplyOutcome.Ingested, result.Outcome);
        var request = Assert.Single(Server.Requests.Skip(before));
        Assert.Equal(("POST", "/db/neo4j/query/v2"), (request.Method, request.Path));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(Neo4jQueries.ApplyReport.Text, body.RootElement.GetProperty("statement").GetString());
        Assert.Equal(graph.Report.Id, body.RootElement.GetProperty("parameters").GetProperty("report").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_start_gives_a_report_an_older_build_wrote_back_to_its_source_so_the_next_version_replaces_it()
    {
        var store = await StoreAsync(new FakeFaults());
        var first = await store.ApplyAsync(ChileOnDisclosure(), Ct);
        Server.Database!.ForgetSource("a.txt");

        await store.InitializeAsync(Ct);
        var next = await store.ApplyAsync(Report("Chile doubted disclosure.", new DateOnly(2020, 2, 12), "a.txt",
            (Chile, Stance.Concern, DisclosureNorm, "Chile doubted disclosure.")), Ct);

        Assert.Equal((ApplyOutcome.Replaced, first.ReportId), (next.Outcome, next.ReplacedReportId));
        Assert.Contains(Server.Requests, r => JsonDocument.Parse(r.Body).RootElement.GetProperty("statement").GetString() == Neo4jQueries.RepairReportSources.Text);
    }

    [Fact]
    public async Task The_taxonomy_is_sent_with_its_hash_so_an_unchanged_one_writes_nothing()
    {
        var store = await StoreAsync(new FakeFaults());
        var changed = Taxonomy() with { Actors = [.. Taxonomy().Actors, new Actor("fra", "France", ActorType.State, [], true)] };

        await store.ApplyTaxonomyAsync(Taxonomy(), Ct);
        await store.ApplyTaxonomyAsync(changed, Ct);

        var hashes = Server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement)
            .Where(b => b.GetProperty("statement").GetString() == Neo4jQueries.ApplyTaxonomy.Text)
            .Select(b => b.GetProperty("parameters").GetProperty("hash").GetString()).ToList();
        // Once at start (StoreAsync), once again unchanged, once changed.
        Assert.Equal(3, hashes.Count);
        Assert.Equal(hashes[0], hashes[1]);
        Assert.NotEqual(hashes[0], hashes[2]);
        Assert.Equal(64, hashes[0]!.Length);
    }

    [Fact]
    public async Task A_commit_whose_answer_was_lost_is_retried_and_reported_as_ingested_not_unchanged()
    {
        var faults = new FakeFaults { LostAnswer = 1 };
        var store = await StoreAsync(faults);
        var graph = ChileOnDisclosure();

        var result = await store.ApplyAsync(graph, Ct);

        Assert.Equal(ApplyOutcome.Ingested, result.Outcome);
        Assert.Equal(1, faults.LostAnswersInjected);
        Assert.Equal(1, ((FakeGraphDatabase)Server.Database!).Commits[graph.Report.Id]);
        // A new call with the same report is a different write: that one is unchanged.
        Assert.Equal(ApplyOutcome.Unchanged, (await store.ApplyAsync(graph, Ct)).Outcome);
    }

    [Fact]
    public async Task A_new_version_of_a_source_replaces_the_old_one_in_the_same_request()
    {
        var store = await StoreAsync(new FakeFaults());
        var first = await store.ApplyAsync(ChileOnDisclosure(), Ct);

        var second = await store.ApplyAsync(Report("Chile insisted on disclosure.", new DateOnly(2020, 2, 12), "a.txt",
            (Chile, Stance.Support, DisclosureNorm, "Chile insisted on disclosure.")), Ct);

        Assert.Equal((ApplyOutcome.Replaced, first.ReportId), (second.Outcome, second.ReplacedReportId));
        Assert.Equal([second.ReportId], ((FakeGraphDatabase)Server.Database!).Reports.Keys);
    }
}
