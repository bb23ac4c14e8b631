using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Api.GraphQL;

namespace NormsGraph.Api.Tests.GraphQL;

/// <summary>
/// Fields are collected once per selection set of a known document (<see cref="FieldPlanExecutionStrategy"/>), and
/// every request still answers what it asks: directives follow each request's variables, merged fields keep their
/// selections, fragments on an interface follow each object's type.
/// </summary>
public sealed class FieldPlanTests : TwoReportsApi
{
    private FieldPlanExecutionStrategy Strategy => Factory.Services.GetRequiredService<FieldPlanExecutionStrategy>();

    private async Task<JsonArray> NodesAsync(string query, object? variables = null) => (await QueryAsync(query, variables))["positions"]!["nodes"]!.AsArray();

    [Fact]
    public async Task A_known_document_collects_each_selection_set_once()
    {
        const string query = "{ positions(first: 10) { totalCount nodes { stance actor { id name } target { id name } report { id } } } }";

        var first = await NodesAsync(query);
        var collections = Strategy.Collections;
        var again = await NodesAsync(query);

        Assert.True(first.Count >= 4, first.ToJsonString());
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        // The root, the connection, a node, an actor, a report and each type of target met, then none again.
        Assert.True(collections >= 6, $"collected {collections} times");
        Assert.Equal(collections, Strategy.Collections);
    }

    [Fact]
    public async Task Skip_and_include_follow_each_requests_variables()
    {
        const string query = """
            query ($hide: Boolean!, $show: Boolean!) {
              positions(first: 10) { nodes { stance actor { id name @skip(if: $hide) } ...Where @include(if: $show) } }
            }
            fragment Where on Position { report { id } }
            """;

        foreach (var (hide, show) in new[] { (false, true), (true, false), (false, false), (true, true) })
        {
            var nodes = await NodesAsync(query, new { hide, show });

            Assert.NotEmpty(nodes);
            Assert.All(nodes, n =>
            {
                Assert.Equal(!hide, n!["actor"]!.AsObject().ContainsKey("name"));
                Assert.Equal(show, n.AsObject().ContainsKey("report"));
            });
        }
    }

    [Fact]
    public async Task Fields_under_one_name_are_merged_on_every_request()
    {
        const string query = """
            query ($n: Int) {
              who(norm: "p-intl-law", first: 5) {
                nodes { evidence(first: $n) { evidence } ... on ActorStance { evidence(first: $n) { stance } } }
              }
            }
            """;

        foreach (var n in new[] { 1, 0, 1 })
        {
            var nodes = (await QueryAsync(query, new { n }))["who"]!["nodes"]!.AsArray();

            Assert.NotEmpty(nodes);
            Assert.Contains(nodes, node => node!["evidence"]!.AsArray().Count == n);
            Assert.All(nodes.SelectMany(node => node!["evidence"]!.AsArray()), e =>
            {
                Assert.NotNull(e!["evidence"]);
                Assert.NotNull(e["stance"]);
            });
        }
    }

    [Fact]
    public async Task Fragments_on_an_interface_follow_each_targets_type()
    {
        const string query = """
            { positions(first: 20) { nodes { target { __typename id ... on Norm { framework } ... on Principle { kind } } } } }
            """;

        for (var i = 0; i < 2; i++)
        {
            var targets = (await NodesAsync(query)).Select(n => n!["target"]!.AsObject()).ToList();

            Assert.Contains(targets, t => t["__typename"]!.GetValue<string>() == "Norm");
            Assert.Contains(targets, t => t["__typename"]!.GetValue<string>() == "Principle");
            Assert.All(targets, t =>
            {
                var type = t["__typename"]!.GetValue<string>();
                Assert.Equal(type == "Norm", t.ContainsKey("framework"));
                Assert.Equal(type == "Principle", t.ContainsKey("kind"));
            });
        }
    }
}
