using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using NormsGraph.Storage.Neo4j;
using NormsGraph.Storage.Tests.Contract;
using static NormsGraph.Storage.Tests.Contract.TestGraphs;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// The store contract against Neo4j, plus what only the graph has (derived position edges, recorded
/// migrations). Every test wipes the database first: point NORMSGRAPH_TEST_NEO4J_URI at a throwaway one.
/// </summary>
public sealed class Neo4jGraphStoreTests(Neo4jServerFixture server) : GraphStoreContract, IClassFixture<Neo4jServerFixture>
{
    private ServiceProvider? _services;

    private Neo4jQueryClient Client => _services!.GetRequiredService<Neo4jQueryClient>();

    public override async ValueTask InitializeAsync()
    {
        server.RequireServer();
        await base.InitializeAsync();
    }

    protected override async Task<IGraphStore> CreateStoreAsync()
    {
        _services = Neo4jTestServices.Build(server.Uri!, server.User, server.Password);
        await Client.RunAsync(TestCypher.ClearDatabase, Ct);
        return _services.GetRequiredService<IGraphStore>();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_migration_is_recorded_in_the_graph()
    {
        var recorded = await Client.RunAsync(Neo4jQueries.AppliedMigrations.With(), Ct);

        Assert.Equal(Neo4jMigrator.Migrations.Select(m => m.Version), recorded.Records.Select(r => r.GetInt32("version")));
    }

    [Fact]
    public async Task Position_edges_count_non_rejected_statements_and_follow_curation()
    {
        await Store.ApplyAsync(Report("Chile agreed on disclosure. Chile insisted on disclosure.", new DateOnly(2020, 2, 12), "a.txt",
            (Chile, Stance.Support, DisclosureNorm, "Chile agreed on disclosure."),
            (Chile, Stance.Support, DisclosureNorm, "Chile insisted on disclosure.")), Ct);

        var edge = Assert.Single((await Client.RunAsync(TestCypher.PositionEdges, Ct)).Records);
        Assert.Equal(("chl", "SUPPORTS", "gge-13j", 2, "2020-02-12"),
            (edge.GetString("actorId"), edge.GetString("type"), edge.GetString("targetId"), edge.GetInt32("statements"), edge.GetString("first")));

        var statements = (await Store.FindPositionsAsync(new PositionQuery(ActorId: "chl"), Ct)).Items;
        foreach (var statement in statements)
        {
            await Store.SetStatementStatusAsync(statement.Id, StatementStatus.Rejected, Ct);
        }
        Assert.Empty((await Client.RunAsync(TestCypher.PositionEdges, Ct)).Records);

        await Store.SetStatementStatusAsync(statements[0].Id, StatementStatus.Confirmed, Ct);
        Assert.Equal(1, Assert.Single((await Client.RunAsync(TestCypher.PositionEdges, Ct)).Records).GetInt32("statements"));
    }

    [Fact]
    public async Task Parallel_reports_and_curation_on_the_same_pairs_leave_every_edge_counting_its_statements()
    {
        var first = await Store.ApplyAsync(Report("Chile agreed on disclosure. Japan agreed on disclosure.", new DateOnly(2020, 2, 12), "r0.txt",
            (Chile, Stance.Support, DisclosureNorm, "Chile agreed on disclosure."),
            (Japan, Stance.Support, DisclosureNorm, "Japan agreed on disclosure.")), Ct);
        var curated = (await Store.FindPositionsAsync(new PositionQuery(TargetId: DisclosureNorm.Id), Ct)).Items;

        // Every write meets the others on the same actor and norm nodes; none may deadlock or count stale.
        await Task.WhenAll(Enumerable.Range(1, 12)
            .Select(i => Store.ApplyAsync(Report($"Chile backed disclosure {i}. Japan backed disclosure {i}.", new DateOnly(2021, 1, i), $"r{i}.txt",
                (Chile, Stance.Support, DisclosureNorm, $"Chile backed disclosure {i}."),
                (Japan, Stance.Support, DisclosureNorm, $"Japan backed disclosure {i}.")), Ct) as Task)
            .Concat(curated.Select(c => Store.SetStatementStatusAsync(c.Id, StatementStatus.Rejected, Ct))));

        Assert.Equal(ApplyOutcome.Ingested, first.Outcome);
        var edges = (await Client.RunAsync(TestCypher.PositionEdges, Ct)).Records;
        Assert.Equal([("chl", 12), ("jpn", 12)], edges.Select(e => (e.GetString("actorId"), e.GetInt32("statements"))));
    }
}
