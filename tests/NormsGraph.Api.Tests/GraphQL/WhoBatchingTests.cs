using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Core.Storage;
using static NormsGraph.Api.Tests.GraphQLClient;

namespace NormsGraph.Api.Tests.GraphQL;

/// <summary>"Who supported X" with evidence, reports or what else each supporter said costs the same few store calls for a page of 5 or of 50 supporters.</summary>
public sealed class WhoBatchingTests
{
    private const string Who = """
        query ($first: Int) {
          who(norm: "p-intl-law", stance: SUPPORT, first: $first) {
            totalCount
            nodes { actor { id name } statementCount evidence(first: 2) { evidence report { id } } reports { totalCount nodes { id title } } }
          }
        }
        """;

    [Fact]
    public async Task Fifty_supporters_with_evidence_and_reports_cost_the_same_store_calls_as_five()
    {
        CountingGraphStore? counting = null;
        await using var factory = new ApiFactory { DecorateStore = inner => counting = new CountingGraphStore(inner) };
        var client = factory.CreateClient();
        await SubmitFiftySupportersAsync(factory, client);

        var calls = new List<(int Edges, int Actors, int Evidence, int Positions, int Reports, int StanceReports, int Total)>();
        foreach (var first in new[] { 5, 50 })
        {
            counting!.Reset();
            var (_, body) = await PostAsync(client, Who, new { first });

            var who = Data(body)["who"]!;
            var nodes = who["nodes"]!.AsArray();
            Assert.Equal(first, nodes.Count);
            Assert.True(who["totalCount"]!.GetValue<int>() >= 50, "expected 50 supporters");
            Assert.All(nodes, n =>
            {
                Assert.Equal(2, n!["statementCount"]!.GetValue<int>());
                Assert.Equal(2, n["evidence"]!.AsArray().Count);
                Assert.Equal(2, n["reports"]!["nodes"]!.AsArray().Count);
                Assert.Contains(n["actor"]!["name"]!.GetValue<string>(), n["evidence"]![0]!["evidence"]!.GetValue<string>(), StringComparison.Ordinal);
            });
            calls.Add((counting.Calls(nameof(IGraphStore.FindPositionEdgesAsync)), counting.Calls(nameof(IGraphStore.GetActorsAsync)),
                counting.Calls(nameof(IGraphStore.FindEvidenceAsync)), counting.Calls(nameof(IGraphStore.FindPositionsAsync)),
                counting.Calls(nameof(IGraphStore.GetReportsAsync)), counting.Calls(nameof(IGraphStore.FindStanceReportsAsync)), counting.TotalCalls));
        }

        // One page of edges, one batch of actors, one evidence call, one call for every supporter's page of reports, no
        // statement query per supporter, and the evidence's reports in one batch.
        Assert.Equal((1, 1, 1, 0, 1, 1), (calls[1].Edges, calls[1].Actors, calls[1].Evidence, calls[1].Positions, calls[1].Reports, calls[1].StanceReports));
        Assert.Equal(calls[0], calls[1]);
    }

    [Fact]
    public async Task What_each_of_fifty_supporters_said_costs_the_same_store_calls_as_for_five()
    {
        CountingGraphStore? counting = null;
        await using var factory = new ApiFactory { DecorateStore = inner => counting = new CountingGraphStore(inner) };
        var client = factory.CreateClient();
        await SubmitFiftySupportersAsync(factory, client);
        const string query = """
            query ($first: Int) {
              who(norm: "p-intl-law", stance: SUPPORT, first: $first) {
                nodes { actor { id stances(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { target { id } stance statementCount } } } }
              }
            }
            """;

        var (calls, last) = await CallsAtFiveAndFiftyAsync(client, counting!, query, nameof(IGraphStore.FindPositionEdgesAsync),
            nameof(IGraphStore.FindActorStancesAsync));
        var actor = last[0]!["actor"]!;
        var (_, alone) = await PostAsync(client, "query ($id: ID!) { actor(id: $id) { stances(first: 1) { totalCount nodes { target { id } stance statementCount } } } }",
            new { id = actor["id"]!.GetValue<string>() });
        var (_, after) = await PostAsync(client, "query ($id: ID!, $after: String) { actor(id: $id) { stances(first: 1, after: $after) { nodes { stance } } } }",
            new { id = actor["id"]!.GetValue<string>(), after = actor["stances"]!["pageInfo"]!["endCursor"]!.GetValue<string>() });

        // The who page itself, then one batch for every supporter's stances, at 5 as at 50.
        Assert.Equal([(1, 1), (1, 1)], calls);
        // A batched page is the page the actor's own query gives, and its cursor pages on from it.
        var own = alone["data"]!["actor"]!["stances"]!;
        Assert.Equal((own["totalCount"]!.ToJsonString(), own["nodes"]!.ToJsonString()), (actor["stances"]!["totalCount"]!.ToJsonString(), actor["stances"]!["nodes"]!.ToJsonString()));
        Assert.Equal("p-intl-law", actor["stances"]!["nodes"]![0]!["target"]!["id"]!.GetValue<string>());
        Assert.Empty(after["data"]!["actor"]!["stances"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task The_positions_of_fifty_supporters_or_of_their_targets_cost_one_store_call_as_for_five()
    {
        CountingGraphStore? counting = null;
        await using var factory = new ApiFactory { DecorateStore = inner => counting = new CountingGraphStore(inner) };
        var client = factory.CreateClient();
        await SubmitFiftySupportersAsync(factory, client);
        const string query = """
            query ($first: Int) {
              who(norm: "p-intl-law", stance: SUPPORT, first: $first) {
                nodes {
                  actor { id positions(first: 1, minConfidence: 0.1) { totalCount pageInfo { hasNextPage endCursor } nodes { id evidence } } }
                  target { positions(first: 2, stance: SUPPORT) { totalCount nodes { id } } }
                }
              }
            }
            """;

        var (calls, last) = await CallsAtFiveAndFiftyAsync(client, counting!, query, nameof(IGraphStore.FindPositionPagesAsync),
            nameof(IGraphStore.FindPositionsAsync));
        var actor = last[0]!["actor"]!;
        var (_, alone) = await PostAsync(client, "query ($id: ID!) { actor(id: $id) { positions(first: 2, minConfidence: 0.1) { totalCount nodes { id evidence } } } }",
            new { id = actor["id"]!.GetValue<string>() });
        var (_, after) = await PostAsync(client,
            "query ($id: ID!, $after: String) { actor(id: $id) { positions(first: 1, minConfidence: 0.1, after: $after) { nodes { id evidence } } } }",
            new { id = actor["id"]!.GetValue<string>(), after = actor["positions"]!["pageInfo"]!["endCursor"]!.GetValue<string>() });

        // One batch for the supporters' positions and one for their target's, at 5 as at 50, and no call per parent.
        Assert.Equal([(2, 0), (2, 0)], calls);
        // A batched first page and the page after its cursor are the actor's own two positions in order.
        var own = alone["data"]!["actor"]!["positions"]!;
        Assert.Equal(own["totalCount"]!.GetValue<int>(), actor["positions"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(2, own["totalCount"]!.GetValue<int>());
        Assert.Equal(own["nodes"]!.ToJsonString(),
            new JsonArray([.. actor["positions"]!["nodes"]!.AsArray().Concat(after["data"]!["actor"]!["positions"]!["nodes"]!.AsArray()).Select(n => n!.DeepClone())]).ToJsonString());
        Assert.Equal(100, last[0]!["target"]!["positions"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_page_of_who_loads_its_actors_and_evidence_before_its_nodes_ask_so_they_answer_without_waiting()
    {
        CountingGraphStore? counting = null;
        var requests = new ConcurrentQueue<GraphLoaders>();
        await using var factory = new ApiFactory { DecorateStore = inner => counting = new CountingGraphStore(inner), TestServices = KeepLoaders(requests) };
        var client = factory.CreateClient();
        await SubmitFiftySupportersAsync(factory, client);
        // Through edges and a fragment, two sizes of evidence under aliases; no variables, so the second request runs
        // as a known operation (its argument values kept from the first).
        const string query = """
            { who(norm: "p-intl-law", stance: SUPPORT, first: 50) { edges { node { ...Supporter } } } }
            fragment Supporter on ActorStance { actor { name } one: evidence(first: 1) { evidence } two: evidence(first: 2) { evidence } }
            """;

        foreach (var _ in new[] { "new", "known" })
        {
            counting!.Reset();
            requests.Clear();
            var (_, body) = await PostAsync(client, query);

            var edges = Data(body)["who"]!["edges"]!.AsArray();
            Assert.Equal(50, edges.Count);
            Assert.All(edges, e =>
            {
                var node = e!["node"]!;
                Assert.Single(node["one"]!.AsArray());
                Assert.Equal(2, node["two"]!.AsArray().Count);
                Assert.Contains(node["actor"]!["name"]!.GetValue<string>(), node["one"]![0]!["evidence"]!.GetValue<string>(), StringComparison.Ordinal);
            });
            var loaders = Assert.Single(requests);
            Assert.Equal((0, 0, 0), (loaders.Actors.Results, loaders.Evidence(1).Results, loaders.Evidence(2).Results));
            Assert.Equal((1, 1, 1), (loaders.Actors.Batches, loaders.Evidence(1).Batches, loaders.Evidence(2).Batches));
            Assert.Equal((1, 2), (counting.Calls(nameof(IGraphStore.GetActorsAsync)), counting.Calls(nameof(IGraphStore.FindEvidenceAsync))));
        }
    }

    [Fact]
    public async Task Evidence_sized_by_a_variable_is_loaded_with_the_page_and_a_refused_size_is_left_to_the_fields_error()
    {
        CountingGraphStore? counting = null;
        var requests = new ConcurrentQueue<GraphLoaders>();
        await using var factory = new ApiFactory { DecorateStore = inner => counting = new CountingGraphStore(inner), TestServices = KeepLoaders(requests) };
        var client = factory.CreateClient();
        await SubmitFiftySupportersAsync(factory, client);
        const string query = """query ($n: Int) { who(norm: "p-intl-law", stance: SUPPORT, first: 5) { nodes { evidence(first: $n) { id } } } }""";

        requests.Clear();
        var (_, body) = await PostAsync(client, query, new { n = 2 });
        Assert.All(Data(body)["who"]!["nodes"]!.AsArray(), n => Assert.Equal(2, n!["evidence"]!.AsArray().Count));
        var loaders = Assert.Single(requests);
        Assert.Equal((0, 1), (loaders.Evidence(2).Results, loaders.Evidence(2).Batches));

        counting!.Reset();
        (_, body) = await PostAsync(client, query, new { n = 21 });
        Assert.Equal("BAD_USER_INPUT", ErrorCode(body));
        Assert.Equal(0, counting.Calls(nameof(IGraphStore.FindEvidenceAsync)));
    }

    [Fact]
    public async Task A_page_of_positions_loads_its_actors_targets_and_reports_before_its_nodes_ask()
    {
        var requests = new ConcurrentQueue<GraphLoaders>();
        await using var factory = new ApiFactory { TestServices = KeepLoaders(requests) };
        var client = factory.CreateClient();
        await SubmitFiftySupportersAsync(factory, client);

        requests.Clear();
        var (_, body) = await PostAsync(client, """{ positions(norm: "p-intl-law", first: 60) { nodes { actor { id } target { id } report { id } } } }""");

        var nodes = Data(body)["positions"]!["nodes"]!.AsArray();
        Assert.Equal(60, nodes.Count);
        Assert.All(nodes, n => Assert.Equal("p-intl-law", n!["target"]!["id"]!.GetValue<string>()));
        Assert.Equal(2, nodes.Select(n => n!["report"]!["id"]!.GetValue<string>()).Distinct().Count());
        var loaders = Assert.Single(requests);
        Assert.Equal((0, 0, 0), (loaders.Actors.Results, loaders.Targets.Results, loaders.Reports.Results));
        Assert.Equal((1, 1, 1), (loaders.Actors.Batches, loaders.Targets.Batches, loaders.Reports.Batches));
    }

    // Keeps each request's loaders for a test to look into afterwards.
    private static Action<IServiceCollection> KeepLoaders(ConcurrentQueue<GraphLoaders> requests) => services => services.AddScoped(sp =>
    {
        var loaders = new GraphLoaders(sp.GetRequiredService<IGraphStore>());
        requests.Enqueue(loaders);
        return loaders;
    });

    // Asks a who query for 5 and then 50 supporters; the calls of two store methods each time, and the last page's nodes.
    private static async Task<(List<(int, int)> Calls, JsonNode Nodes)> CallsAtFiveAndFiftyAsync(HttpClient client, CountingGraphStore counting,
        string query, string method, string other)
    {
        var calls = new List<(int, int)>();
        JsonNode? nodes = null;
        foreach (var first in new[] { 5, 50 })
        {
            counting.Reset();
            var (_, body) = await PostAsync(client, query, new { first });
            nodes = Data(body)["who"]!["nodes"]!;
            Assert.Equal(first, nodes.AsArray().Count);
            calls.Add((counting.Calls(method), counting.Calls(other)));
        }
        return (calls, nodes!);
    }

    // Two reports, each with a sentence by each of 50 states: 50 supporters of p-intl-law with two statements each.
    private static async Task SubmitFiftySupportersAsync(ApiFactory factory, HttpClient client)
    {
        var states = factory.Services.GetRequiredService<Core.Taxonomy.Taxonomy>().Actors
            .Where(a => a.Actor.Type == Core.Domain.ActorType.State && !a.Actor.Name.Contains(' ', StringComparison.Ordinal))
            .Take(50).Select(a => a.Actor.Name).ToList();
        foreach (var date in new[] { "12 Feb 2020", "3 Mar 2021" })
        {
            var text = $"Consultations on international law\n\n{date} 10:00h - 12:00h\n\nEvent report\n\n"
                + string.Join("\n\n", states.Select(s => $"{s} stressed that international law applies in cyberspace."));
            await SubmitAsync(client, text, $"{date}.txt");
        }
    }
}
