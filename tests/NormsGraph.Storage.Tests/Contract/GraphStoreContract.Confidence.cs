using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Tests.Contract.TestGraphs;

namespace NormsGraph.Storage.Tests.Contract;

public abstract partial class GraphStoreContract
{
    [Fact]
    public async Task A_confidence_floor_keeps_only_statements_at_or_above_it_and_counts_them()
    {
        var graph = Report("Access Now called for responsible disclosure. Chile agreed on disclosure.", new DateOnly(2020, 2, 12), "c.txt",
            (AccessNow, Stance.Support, DisclosureNorm, "Access Now called for responsible disclosure."),
            (Chile, Stance.Support, DisclosureNorm, "Chile agreed on disclosure."));
        graph = graph with { Positions = graph.Positions.Select(p => p.ActorId == "chl" ? p with { Confidence = 0.4 } : p).ToList() };
        await Store.ApplyAsync(graph, Ct);

        var sure = await Store.FindPositionsAsync(new PositionQuery(TargetId: "gge-13j", MinConfidence: 0.5), Ct);
        var all = await Store.FindPositionsAsync(new PositionQuery(TargetId: "gge-13j"), Ct);

        Assert.Equal("access-now", Assert.Single(sure.Items).ActorId);
        Assert.Equal(1, sure.TotalCount);
        Assert.Equal(2, all.TotalCount);
    }
}
