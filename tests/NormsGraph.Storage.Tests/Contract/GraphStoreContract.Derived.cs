using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Tests.Contract.TestGraphs;

namespace NormsGraph.Storage.Tests.Contract;

/// <summary>Evidence of many edges in one call, and the derived timeline kept in step with curation and re-ingestion.</summary>
public abstract partial class GraphStoreContract
{
    [Fact]
    public async Task Evidence_of_several_edges_in_one_call_is_each_edges_first_statements_in_page_order()
    {
        await ApplyThreeReportsAsync();
        var edges = (await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j"), Ct)).Items.Select(PositionEdgeKey.Of).ToList();
        var none = new PositionEdgeKey("jpn", "gge-13j", Stance.Concern);

        var one = await Store.FindEvidenceAsync([.. edges, none], 1, Ct);
        var all = await Store.FindEvidenceAsync(edges, 20, Ct);

        Assert.Equal(3, edges.Count);
        foreach (var edge in edges)
        {
            var page = await Store.FindPositionsAsync(new PositionQuery(edge.TargetId, edge.ActorId, edge.Stance, 20), Ct);
            Assert.Equal(page.Items, all[edge]);
            Assert.Equal(page.Items.Take(1), one[edge]);
        }
        Assert.Equal(["Chile agreed on disclosure.", "Chile insisted on disclosure."],
            all[new PositionEdgeKey("chl", "gge-13j", Stance.Support)].Select(p => p.Evidence));
        Assert.False(one.ContainsKey(none));
        Assert.Empty(await Store.FindEvidenceAsync([], 3, Ct));
        Assert.Empty(await Store.FindEvidenceAsync(edges, 0, Ct));
    }

    [Fact]
    public async Task Evidence_comes_in_page_order_whatever_order_its_reports_came_in()
    {
        // Newest first, the undated report among them, and two statements of one day: the order they were stored in is
        // not the page's (by date, undated last, then by id).
        await Store.ApplyAsync(Report("Chile backed disclosure in 2023.", new DateOnly(2023, 5, 1), "late.txt",
            (Chile, Stance.Support, DisclosureNorm, "Chile backed disclosure in 2023.")), Ct);
        await Store.ApplyAsync(Report("Chile backed disclosure, undated.", null, "undated.txt",
            (Chile, Stance.Support, DisclosureNorm, "Chile backed disclosure, undated.")), Ct);
        await Store.ApplyAsync(Report("Chile backed disclosure in 2021.", new DateOnly(2021, 3, 3), "middle.txt",
            (Chile, Stance.Support, DisclosureNorm, "Chile backed disclosure in 2021.")), Ct);
        await Store.ApplyAsync(Report("Chile backed disclosure early. Chile said so twice.", new DateOnly(2020, 1, 10), "early.txt",
            (Chile, Stance.Support, DisclosureNorm, "Chile backed disclosure early."),
            (Chile, Stance.Support, DisclosureNorm, "Chile said so twice.")), Ct);
        var chile = new PositionEdgeKey("chl", "gge-13j", Stance.Support);

        var all = (await Store.FindEvidenceAsync([chile], 10, Ct))[chile];
        var two = (await Store.FindEvidenceAsync([chile], 2, Ct))[chile];

        var page = (await Store.FindPositionsAsync(new PositionQuery("gge-13j", "chl", Stance.Support, 10), Ct)).Items;
        Assert.Equal(page, all);
        Assert.Equal(page.Take(2), two);
        Assert.Equal([new DateOnly(2020, 1, 10), new DateOnly(2020, 1, 10), new DateOnly(2021, 3, 3), new DateOnly(2023, 5, 1), null],
            all.Select(p => p.Date));
        Assert.True(string.CompareOrdinal(all[0].Id, all[1].Id) < 0);
    }

    [Fact]
    public async Task Evidence_leaves_out_rejected_statements()
    {
        await ApplyThreeReportsAsync();
        var chile = new PositionEdgeKey("chl", "gge-13j", Stance.Support);
        var first = (await Store.FindEvidenceAsync([chile], 1, Ct))[chile].Single();

        await Store.SetStatementStatusAsync(first.Id, StatementStatus.Rejected, Ct);
        var after = await Store.FindEvidenceAsync([chile], 5, Ct);

        Assert.Equal(["Chile insisted on disclosure."], after[chile].Select(p => p.Evidence));
    }

    [Fact]
    public async Task The_reports_behind_several_edges_come_in_one_call_a_page_each_without_rejected_statements()
    {
        await ApplyThreeReportsAsync();
        var chile = new PositionEdgeKey("chl", "gge-13j", Stance.Support);
        var japan = new PositionEdgeKey("jpn", "gge-13j", Stance.Oppose);
        var none = new PositionEdgeKey("jpn", "gge-13j", Stance.Concern);
        var chilesStatements = (await Store.FindPositionsAsync(new PositionQuery("gge-13j", "chl", Stance.Support, 20), Ct)).Items;

        var first = await Store.FindStanceReportsAsync([chile, japan, none], 1, null, Ct);
        var rest = await Store.FindStanceReportsAsync([chile, japan], 1, first[chile].EndCursor, Ct);
        var beyond = await Store.FindStanceReportsAsync([chile], 5, rest[chile].EndCursor, Ct);

        Assert.Equal((2, true, "one.txt"), (first[chile].TotalCount, first[chile].HasNextPage, Sources(first[chile])));
        Assert.Equal((2, false, "two.txt"), (rest[chile].TotalCount, rest[chile].HasNextPage, Sources(rest[chile])));
        Assert.Equal((1, "two.txt"), (first[japan].TotalCount, Sources(first[japan])));
        // One cursor serves every edge: after 12 February 2020 Japan's report of July is still to come.
        Assert.Equal((1, "two.txt"), (rest[japan].TotalCount, Sources(rest[japan])));
        // An edge with nothing left after the cursor still counts its reports.
        Assert.Equal((2, 0, false), (beyond[chile].TotalCount, beyond[chile].Items.Count, beyond[chile].HasNextPage));
        Assert.Equal((0, 0), (first[none].TotalCount, first[none].Items.Count));
        Assert.Empty(await Store.FindStanceReportsAsync([], 3, null, Ct));

        await Store.SetStatementStatusAsync(chilesStatements[0].Id, StatementStatus.Rejected, Ct);
        var afterRejection = (await Store.FindStanceReportsAsync([chile], 5, null, Ct))[chile];

        Assert.Equal((1, "two.txt"), (afterRejection.TotalCount, Sources(afterRejection)));
    }

    private static string Sources(Page<ReportSummary> page) => string.Join(", ", page.Items.Select(r => r.Source));

    [Fact]
    public async Task A_timeline_follows_rejection_a_changed_stance_and_a_replaced_report()
    {
        await ApplyThreeReportsAsync();
        var positions = (await Store.FindPositionsAsync(new PositionQuery(TargetId: "gge-13j"), Ct)).Items;
        var chileInFebruary = positions.Single(p => p.ActorId == "chl" && p.Date == new DateOnly(2020, 2, 12));
        var japan = positions.Single(p => p.ActorId == "jpn");

        await Store.SetStatementStatusAsync(chileInFebruary.Id, StatementStatus.Rejected, Ct);
        var rejected = await Store.GetTimelineAsync("gge-13j", TimelineGranularity.Month, Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.SetStance, japan.Id, "support"), "alice", Ct);
        var changed = await Store.GetTimelineAsync("gge-13j", TimelineGranularity.Year, Ct);
        // The first report again from a new extractor, now with Access Now only: Chile's rejected statement goes.
        var again = Report("Chile agreed on disclosure. Access Now called for responsible disclosure.", new DateOnly(2020, 2, 12), "one.txt",
            (AccessNow, Stance.Support, DisclosureNorm, "Access Now called for responsible disclosure."));
        Assert.Equal(ApplyOutcome.Replaced, (await Store.ApplyAsync(again with { Report = again.Report with { ExtractorVersion = "test-2" } }, Ct)).Outcome);
        var replaced = await Store.GetTimelineAsync("gge-13j", TimelineGranularity.Month, Ct);

        Assert.Equal(
            [("2020-02", Stance.Support, 1, 1), ("2020-07", Stance.Support, 1, 1), ("2020-07", Stance.Oppose, 1, 1)],
            rejected.Select(p => (p.Period, p.Stance, p.Actors, p.Statements)));
        Assert.Equal([("2020", Stance.Support, 3, 3)], changed.Select(p => (p.Period, p.Stance, p.Actors, p.Statements)));
        Assert.Equal(
            [("2020-02", Stance.Support, 1, 1), ("2020-07", Stance.Support, 2, 2)],
            replaced.Select(p => (p.Period, p.Stance, p.Actors, p.Statements)));
    }
}
