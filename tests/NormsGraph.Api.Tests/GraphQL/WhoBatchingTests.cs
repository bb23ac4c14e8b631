using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Core.Storage;
using static NormsGraph.Api.Tests.GraphQLClient;

namespace NormsGraph.Api.Tests.GraphQL;

/// <summary>"Who supported X" with evidence and reports costs the same few store calls for a page of 5 or of 50 supporters.</summary>
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
        // Two reports, each with a sentence by each of 50 states: 50 supporters with two statements each.
        var states = factory.Services.GetRequiredService<Core.Taxonomy.Taxonomy>().Actors
            .Where(a => a.Actor.Type == Core.Domain.ActorType.State && !a.Actor.Name.Contains(' ', StringComparison.Ordinal))
            .Take(50).Select(a => a.Actor.Name).ToList();
        foreach (var date in new[] { "12 Feb 2020", "3 Mar 2021" })
        {
            var text = $"Consultations on international law\n\n{date} 10:00h - 12:00h\n\nEvent report\n\n"
                + string.Join("\n\n", states.Select(s => $"{s} stressed that international law applies in cyberspace."));
            await SubmitAsync(client, text, $"{date}.txt");
        }

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
}
