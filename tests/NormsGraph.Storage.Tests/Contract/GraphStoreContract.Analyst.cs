using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Tests.Contract.TestGraphs;

namespace NormsGraph.Storage.Tests.Contract;

/// <summary>The analysts' questions: position edges with filters, timelines, alignment, coalitions, search, lists and statistics.</summary>
public abstract partial class GraphStoreContract
{
    // Three reports over two years: Chile supports disclosure twice and international law once; Japan supports
    // international law and opposes disclosure; Access Now supports disclosure.
    private async Task<IReadOnlyList<ApplyResult>> ApplyThreeReportsAsync()
    {
        var first = await Store.ApplyAsync(Report("Chile agreed on disclosure. Access Now called for responsible disclosure.", new DateOnly(2020, 2, 12), "one.txt",
            (Chile, Stance.Support, DisclosureNorm, "Chile agreed on disclosure."),
            (AccessNow, Stance.Support, DisclosureNorm, "Access Now called for responsible disclosure.")), Ct);
        var second = await Store.ApplyAsync(Report("Chile insisted on disclosure. Japan rejected disclosure rules.", new DateOnly(2020, 7, 1), "two.txt",
            (Chile, Stance.Support, DisclosureNorm, "Chile insisted on disclosure."),
            (Japan, Stance.Oppose, DisclosureNorm, "Japan rejected disclosure rules.")), Ct);
        var third = await Store.ApplyAsync(Report("Chile and Japan stressed that international law applies.", new DateOnly(2021, 3, 5), "three.txt",
            (Chile, Stance.Support, IntlLaw, "Chile and Japan stressed that international law applies."),
            (Japan, Stance.Support, IntlLaw, "Chile and Japan stressed that international law applies.")), Ct);
        return [first, second, third];
    }

    [Fact]
    public async Task Position_edges_count_statements_with_first_and_last_dates_most_statements_first()
    {
        await ApplyThreeReportsAsync();

        var page = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j"), Ct);

        Assert.Equal(3, page.TotalCount);
        Assert.Equal(
            [
                new PositionEdge("chl", "gge-13j", Stance.Support, 2, new DateOnly(2020, 2, 12), new DateOnly(2020, 7, 1)),
                new PositionEdge("access-now", "gge-13j", Stance.Support, 1, new DateOnly(2020, 2, 12), new DateOnly(2020, 2, 12)),
                new PositionEdge("jpn", "gge-13j", Stance.Oppose, 1, new DateOnly(2020, 7, 1), new DateOnly(2020, 7, 1)),
            ],
            page.Items);
    }

    [Fact]
    public async Task Position_edges_filter_by_stance_actor_type_dates_process_and_confidence()
    {
        await ApplyThreeReportsAsync();

        var supporters = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j", Stance: Stance.Support), Ct);
        var states = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j", ActorType: ActorType.State), Ct);
        var inJuly = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j", From: new DateOnly(2020, 6, 1), To: new DateOnly(2020, 12, 31)), Ct);
        var inProcess = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j", Stance: Stance.Support, ProcessId: "oewg-2019-2021"), Ct);
        var otherProcess = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j", ProcessId: "igf"), Ct);
        var confident = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j", MinConfidence: 0.95), Ct);

        Assert.Equal(["chl", "access-now"], supporters.Items.Select(e => e.ActorId));
        Assert.Equal(["chl", "jpn"], states.Items.Select(e => e.ActorId));
        // Only the July statements pass, so Chile counts one statement, first and last in July.
        Assert.Equal([("chl", 1, new DateOnly(2020, 7, 1)), ("jpn", 1, new DateOnly(2020, 7, 1))],
            inJuly.Items.Select(e => (e.ActorId, e.Statements, e.First!.Value)));
        Assert.Equal(supporters.Items, inProcess.Items.Select(e => e with { Filter = null }));
        Assert.Equal(0, otherProcess.TotalCount);
        Assert.Empty(confident.Items);
    }

    [Fact]
    public async Task Undated_statements_pass_no_date_bound_not_even_the_last_day_there_is()
    {
        await ApplyThreeReportsAsync();
        await Store.ApplyAsync(Report("Chile called for disclosure again.", null, "undated.txt",
            (Chile, Stance.Support, DisclosureNorm, "Chile called for disclosure again.")), Ct);
        var untilTheEnd = new StatementFilter(To: DateOnly.MaxValue);
        var chile = new PositionEdgeKey("chl", "gge-13j", Stance.Support, untilTheEnd);

        var edges = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j", ActorId: "chl", To: DateOnly.MaxValue), Ct);
        var evidence = await Store.FindEvidenceAsync([chile], 20, Ct);
        var reports = await Store.FindStanceReportsAsync([chile], 20, null, Ct);

        Assert.Equal(2, edges.Items.Single().Statements);
        Assert.Equal(2, evidence[chile].Count);
        Assert.Equal(2, reports[chile].TotalCount);
    }

    [Fact]
    public async Task A_filtered_edge_s_evidence_and_reports_are_the_statements_behind_its_figures()
    {
        await ApplyThreeReportsAsync();

        var chile = (await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j", ActorId: "chl", From: new DateOnly(2020, 6, 1)), Ct)).Items.Single();
        var filtered = PositionEdgeKey.Of(chile);
        var everything = new PositionEdgeKey("chl", "gge-13j", Stance.Support);
        var elsewhere = everything with { Filter = new StatementFilter(ProcessId: "igf") };
        var sure = everything with { Filter = new StatementFilter(ProcessId: "oewg-2019-2021", MinConfidence: 0.9) };
        var surer = everything with { Filter = new StatementFilter(MinConfidence: 0.95) };
        var evidence = await Store.FindEvidenceAsync([filtered, everything, elsewhere, sure, surer], 20, Ct);
        var reports = await Store.FindStanceReportsAsync([filtered, everything, elsewhere, sure, surer], 20, null, Ct);

        Assert.Equal(new StatementFilter(From: new DateOnly(2020, 6, 1)), chile.Filter);
        Assert.Equal((1, new DateOnly(2020, 7, 1)), (chile.Statements, chile.First!.Value));
        Assert.Equal(["Chile insisted on disclosure."], evidence[filtered].Select(p => p.Evidence));
        Assert.Equal(2, evidence[everything].Count);
        Assert.False(evidence.ContainsKey(elsewhere));
        Assert.Equal(1, reports[filtered].TotalCount);
        Assert.Equal([new DateOnly(2020, 7, 1)], reports[filtered].Items.Select(r => r.Date!.Value));
        Assert.Equal(2, reports[everything].TotalCount);
        Assert.Equal((0, 0), (reports[elsewhere].TotalCount, reports[elsewhere].Items.Count));
        // Every statement here has confidence 0.9 and is in the OEWG.
        Assert.Equal((2, 2), (evidence[sure].Count, reports[sure].TotalCount));
        Assert.False(evidence.ContainsKey(surer));
        Assert.Equal(0, reports[surer].TotalCount);
    }

    [Fact]
    public async Task Position_edges_page_by_cursor_and_group_what_one_actor_said_by_target()
    {
        await ApplyThreeReportsAsync();

        var first = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j", First: 2), Ct);
        var rest = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j", First: 2, After: first.EndCursor), Ct);
        var pastTheEnd = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j", First: 2, After: rest.EndCursor), Ct);
        var chile = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(ActorId: "chl"), Ct);

        Assert.True(first.HasNextPage);
        Assert.Equal(["chl", "access-now"], first.Items.Select(e => e.ActorId));
        Assert.Equal(["jpn"], rest.Items.Select(e => e.ActorId));
        Assert.False(rest.HasNextPage);
        // Every page gives the whole list's total, an empty one past the end too.
        Assert.Equal((3, 3, 3), (first.TotalCount, rest.TotalCount, pastTheEnd.TotalCount));
        Assert.Empty(pastTheEnd.Items);
        Assert.Equal([("gge-13j", 2), ("p-intl-law", 1)], chile.Items.Select(e => (e.TargetId, e.Statements)));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.FindPositionEdgesAsync(new PositionEdgeQuery(After: "bad"), Ct));
        // A cursor of another norm's, actor's or stance's list is refused rather than paging from a place this list never had.
        await Assert.ThrowsAsync<ArgumentException>(() => Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "p-intl-law", After: first.EndCursor), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.FindPositionEdgesAsync(new PositionEdgeQuery(ActorId: "jpn", After: first.EndCursor), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j", Stance: Stance.Oppose, After: first.EndCursor), Ct));
        var chileNext = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(ActorId: "chl", First: 1, After: chile.Cursors[0]), Ct);
        Assert.Equal(["p-intl-law"], chileNext.Items.Select(e => e.TargetId));
    }

    [Fact]
    public async Task Position_edges_and_totals_follow_rejection()
    {
        await ApplyThreeReportsAsync();
        var access = (await Store.FindPositionsAsync(new PositionQuery(ActorId: "access-now"), Ct)).Items.Single();

        Assert.True(await Store.SetStatementStatusAsync(access.Id, StatementStatus.Rejected, Ct));

        var edges = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j"), Ct);
        Assert.DoesNotContain(edges.Items, e => e.ActorId == "access-now");
        Assert.Equal(3, (await Store.FindPositionsAsync(new PositionQuery(TargetId: "gge-13j"), Ct)).TotalCount);
        Assert.Equal(2, (await Store.FindPositionsAsync(new PositionQuery(TargetId: "gge-13j", Stance: Stance.Support), Ct)).TotalCount);
    }

    [Fact]
    public async Task A_timeline_counts_distinct_actors_per_period_and_names_who_joined()
    {
        await ApplyThreeReportsAsync();

        var years = await Store.GetTimelineAsync("gge-13j", TimelineGranularity.Year, Ct);
        var months = await Store.GetTimelineAsync("gge-13j", TimelineGranularity.Month, Ct);

        Assert.Equal(
            [("2020", Stance.Support, 2, 3, "access-now,chl"), ("2020", Stance.Oppose, 1, 1, "jpn")],
            years.Select(p => (p.Period, p.Stance, p.Actors, p.Statements, string.Join(',', p.JoinedActorIds))));
        Assert.Equal(
            [("2020-02", Stance.Support, 2, "access-now,chl"), ("2020-07", Stance.Support, 1, ""), ("2020-07", Stance.Oppose, 1, "jpn")],
            months.Select(p => (p.Period, p.Stance, p.Actors, string.Join(',', p.JoinedActorIds))));
    }

    [Fact]
    public async Task Aligned_actors_are_ranked_by_shared_stances_with_the_conflicts_named()
    {
        await ApplyThreeReportsAsync();

        var aligned = await Store.FindAlignedActorsAsync("chl", 10, null, Ct);

        Assert.Equal(
            [
                new AlignedActor("access-now", 0.5, ["gge-13j"], []),
                new AlignedActor("jpn", 0.5, ["p-intl-law"], ["gge-13j"]),
            ],
            aligned.Items, new AlignedActorComparer());
        var second = await Store.FindAlignedActorsAsync("chl", 1, aligned.Cursors[0], Ct);
        Assert.Equal("jpn", Assert.Single(second.Items).ActorId);
    }

    [Fact]
    public async Task Coalitions_group_supporters_by_actor_type_and_by_process()
    {
        await ApplyThreeReportsAsync();

        var coalitions = await Store.GetCoalitionsAsync("gge-13j", Stance.Support, Ct);

        Assert.Equal(
            [
                (CoalitionKind.ActorType, "civil_society", "access-now", 1),
                (CoalitionKind.ActorType, "state", "chl", 2),
                (CoalitionKind.Process, "oewg-2019-2021", "access-now,chl", 3),
            ],
            coalitions.Select(c => (c.Kind, c.Key, string.Join(',', c.ActorIds), c.Statements)));
    }

    [Fact]
    public async Task Search_finds_actors_by_name_and_alias_targets_and_reports_best_first()
    {
        var reports = await ApplyThreeReportsAsync();

        var chile = await Store.SearchAsync(new SearchQuery("Chile"), Ct);
        var alias = await Store.SearchAsync(new SearchQuery("republic"), Ct);
        var disclosure = await Store.SearchAsync(new SearchQuery("disclosure", Kinds: ["report"]), Ct);
        var norm = await Store.SearchAsync(new SearchQuery("vulnerabilities"), Ct);
        var syntax = await Store.SearchAsync(new SearchQuery("chile\" OR* (NEAR"), Ct);
        var words = await Store.SearchAsync(new SearchQuery("chile or near"), Ct);
        var nothing = await Store.SearchAsync(new SearchQuery("  ,; "), Ct);

        Assert.Equal(("actor", "chl"), (chile.Items[0].Kind, chile.Items[0].Id));
        Assert.Contains(chile.Items, h => h.Kind == "report");
        Assert.Equal(("actor", "chl"), (alias.Items[0].Kind, alias.Items[0].Id));
        Assert.Equal(new[] { reports[0].ReportId, reports[1].ReportId }.Order(StringComparer.Ordinal), disclosure.Items.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.All(disclosure.Items, h => Assert.Equal("report", h.Kind));
        Assert.Equal(("norm", "gge-13j"), (norm.Items[0].Kind, norm.Items[0].Id));
        // Query syntax in the input is read as words, never as operators.
        Assert.Equal(words.Items.Select(h => h.Id), syntax.Items.Select(h => h.Id));
        Assert.Equal(0, nothing.TotalCount);
    }

    [Fact]
    public async Task Search_pages_one_at_a_time_list_the_hits_of_one_long_page_with_equal_scores_ordered_by_id()
    {
        // Four reports that score alike (same lengths, one hit each) and a better one; the equal ones go in with the
        // smallest id last, so a store that cut the ranking before ordering ties by id would leave it out of the first pages.
        var alike = new[] { "Talks.\n\nAlpha took up disclosure.", "Talks.\n\nBravo took up disclosure.", "Talks.\n\nCarol took up disclosure.",
            "Talks.\n\nDelta took up disclosure." }.OrderByDescending(StableIds.ForReportText, StringComparer.Ordinal);
        var n = 0;
        foreach (var text in alike)
        {
            await Store.ApplyAsync(Report(text, new DateOnly(2020, 1, 1), $"r{n++}.txt"), Ct);
        }
        await Store.ApplyAsync(Report("Talks.\n\nDisclosure, disclosure and disclosure.", new DateOnly(2020, 1, 1), "best.txt"), Ct);

        var all = await Store.SearchAsync(new SearchQuery("disclosure", First: 10), Ct);
        var oneByOne = new List<SearchHit>();
        string? after = null;
        do
        {
            var page = await Store.SearchAsync(new SearchQuery("disclosure", First: 1, After: after), Ct);
            oneByOne.AddRange(page.Items);
            after = page.HasNextPage ? page.EndCursor : null;
        }
        while (after is not null && oneByOne.Count < 20);

        var twoByTwo = new List<SearchHit>();
        after = null;
        do
        {
            var page = await Store.SearchAsync(new SearchQuery("disclosure", First: 2, After: after), Ct);
            twoByTwo.AddRange(page.Items);
            after = page.HasNextPage ? page.EndCursor : null;
        }
        while (after is not null && twoByTwo.Count < 20);

        Assert.Equal(5, all.TotalCount);
        Assert.Equal(all.Items.Select(h => h.Id), oneByOne.Select(h => h.Id));
        Assert.Equal(all.Items.Select(h => h.Id), twoByTwo.Select(h => h.Id));
        Assert.Equal(StableIds.ForReportText("Talks.\n\nDisclosure, disclosure and disclosure."), all.Items[0].Id);
        Assert.Equal(alike.Select(StableIds.ForReportText).Order(StringComparer.Ordinal), all.Items.Skip(1).Select(h => h.Id));
    }

    [Fact]
    public async Task Search_without_snippets_gives_the_same_hits_and_pages_with_no_snippet()
    {
        await ApplyThreeReportsAsync();

        foreach (var (text, kinds) in new[] { ("disclosure", (IReadOnlyList<string>?)null), ("chile", null), ("disclosure", ["report"]) })
        {
            foreach (var first in new[] { 1, 10 })
            {
                var with = await Store.SearchAsync(new SearchQuery(text, kinds, first), Ct);
                var without = await Store.SearchAsync(new SearchQuery(text, kinds, first, Snippets: false), Ct);

                Assert.NotEmpty(without.Items);
                Assert.Equal(with.Items.Select(h => h with { Snippet = null }), without.Items);
                Assert.Equal((with.TotalCount, with.HasNextPage, with.EndCursor), (without.TotalCount, without.HasNextPage, without.EndCursor));
            }
        }
    }

    [Fact]
    public async Task Reports_and_events_list_by_date_process_and_actor_with_their_text()
    {
        var applied = await ApplyThreeReportsAsync();

        var all = await Store.FindReportsAsync(new ReportQuery(), Ct);
        var withJapan = await Store.FindReportsAsync(new ReportQuery(ActorId: "jpn"), Ct);
        var in2020 = await Store.FindReportsAsync(new ReportQuery(From: new DateOnly(2020, 1, 1), To: new DateOnly(2020, 12, 31), First: 1), Ct);
        var next = await Store.FindReportsAsync(new ReportQuery(From: new DateOnly(2020, 1, 1), To: new DateOnly(2020, 12, 31), First: 1, After: in2020.EndCursor), Ct);
        var otherProcess = await Store.FindReportsAsync(new ReportQuery(ProcessId: "igf"), Ct);
        var events = await Store.FindEventsAsync(new ReportQuery(ActorId: "access-now"), Ct);

        Assert.Equal(applied.Select(a => a.ReportId), all.Items.Select(r => r.Id));
        Assert.Equal([applied[1].ReportId, applied[2].ReportId], withJapan.Items.Select(r => r.Id));
        Assert.Equal((2, true, applied[0].ReportId), (in2020.TotalCount, in2020.HasNextPage, in2020.Items[0].Id));
        Assert.Equal(applied[1].ReportId, Assert.Single(next.Items).Id);
        Assert.Equal(0, otherProcess.TotalCount);
        var e = Assert.Single(events.Items);
        Assert.Equal((new DateOnly(2020, 2, 12), "oewg-2019-2021", 1), (e.Date, e.ProcessId, e.Reports));
        Assert.StartsWith("Chile agreed on disclosure.", await Store.GetReportTextAsync(applied[0].ReportId, Ct), StringComparison.Ordinal);
        Assert.Null(await Store.GetReportTextAsync("no-such-report", Ct));
    }

    [Fact]
    public async Task Reports_of_an_actor_leave_out_those_where_its_only_statements_were_rejected()
    {
        var applied = await ApplyThreeReportsAsync();
        var japanOnDisclosure = (await Store.FindPositionsAsync(new PositionQuery(ActorId: "jpn", TargetId: "gge-13j"), Ct)).Items.Single();

        await Store.CurateAsync(new CurationRequest(CurationAction.RejectStatement, japanOnDisclosure.Id), "alice", Ct);
        var withJapan = await Store.FindReportsAsync(new ReportQuery(ActorId: "jpn"), Ct);

        Assert.Equal((1, applied[2].ReportId), (withJapan.TotalCount, Assert.Single(withJapan.Items).Id));
    }

    [Fact]
    public async Task Reports_of_one_report_id_list_only_its_positions()
    {
        var applied = await ApplyThreeReportsAsync();

        var page = await Store.FindPositionsAsync(new PositionQuery(ReportId: applied[1].ReportId), Ct);

        Assert.Equal(2, page.TotalCount);
        Assert.All(page.Items, p => Assert.Equal(applied[1].ReportId, p.ReportId));
    }

    [Fact]
    public async Task Several_reports_first_pages_of_positions_are_what_each_reports_own_query_gives()
    {
        var applied = await ApplyThreeReportsAsync();
        var ids = applied.Select(a => a.ReportId).Append("no-such-report").ToList();

        var pages = await Store.FindPositionPagesAsync(PositionAnchor.Report, ids, new PositionQuery(First: 1), Ct);
        var supports = await Store.FindPositionPagesAsync(PositionAnchor.Report, ids, new PositionQuery(Stance: Stance.Support, First: 5), Ct);

        foreach (var id in ids)
        {
            var one = await Store.FindPositionsAsync(new PositionQuery(First: 1, ReportId: id), Ct);
            var supporting = await Store.FindPositionsAsync(new PositionQuery(Stance: Stance.Support, First: 5, ReportId: id), Ct);
            Assert.Equal((one.TotalCount, one.HasNextPage), (pages[id].TotalCount, pages[id].HasNextPage));
            Assert.Equal(one.Items, pages[id].Items);
            Assert.Equal(supporting.Items, supports[id].Items);
            Assert.Equal(supporting.TotalCount, supports[id].TotalCount);
        }
        Assert.Equal(2, pages[ids[0]].TotalCount);
        Assert.Empty(pages["no-such-report"].Items);
        Assert.Empty(await Store.FindPositionPagesAsync(PositionAnchor.Report, [], new PositionQuery(First: 3), Ct));
    }

    [Fact]
    public async Task Several_actors_or_targets_first_pages_of_positions_are_what_each_ones_own_query_gives()
    {
        var applied = await ApplyThreeReportsAsync();
        var rejected = (await Store.FindPositionsAsync(new PositionQuery(ActorId: "jpn", First: 1), Ct)).Items[0];
        await Store.SetStatementStatusAsync(rejected.Id, StatementStatus.Rejected, Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "access-now", "chl"), "alice", Ct);
        string[] actors = ["chl", "jpn", "access-now", "chl", "no-such-actor"];
        string[] targets = [DisclosureNorm.Id, IntlLaw.Id, "no-such-target"];
        // Every filter the field takes: none, a stance, a confidence (counted, not summed from edges), the other anchor
        // (a merged actor's old id among them), a report.
        PositionQuery[] filters =
        [
            new(First: 1), new(Stance: Stance.Support, First: 5), new(First: 2, MinConfidence: 0.5), new(First: 5, MinConfidence: 0.95),
            new(First: 3, ReportId: applied[1].ReportId), new(First: 0),
        ];

        foreach (var filter in filters)
        {
            await AssertEachOwnPageAsync(PositionAnchor.Actor, actors, filter);
            await AssertEachOwnPageAsync(PositionAnchor.Actor, actors, filter with { TargetId = DisclosureNorm.Id });
            await AssertEachOwnPageAsync(PositionAnchor.Target, targets, filter);
            await AssertEachOwnPageAsync(PositionAnchor.Target, targets, filter with { ActorId = "access-now" });
        }

        var pages = await Store.FindPositionPagesAsync(PositionAnchor.Actor, actors, new PositionQuery(First: 10), Ct);
        Assert.Equal(pages["chl"].Items, pages["access-now"].Items);
        Assert.Equal(4, pages["chl"].TotalCount);
        Assert.DoesNotContain(pages["jpn"].Items, p => p.Id == rejected.Id);
        Assert.Equal(1, pages["jpn"].TotalCount);
        Assert.Empty(await Store.FindPositionPagesAsync(PositionAnchor.Target, [], new PositionQuery(), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.FindPositionPagesAsync(PositionAnchor.Actor, actors, new PositionQuery(ActorId: "chl"), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.FindPositionPagesAsync(PositionAnchor.Target, targets,
            new PositionQuery(After: pages["chl"].EndCursor), Ct));
    }

    private async Task AssertEachOwnPageAsync(PositionAnchor anchor, IReadOnlyList<string> ids, PositionQuery filter)
    {
        var pages = await Store.FindPositionPagesAsync(anchor, ids, filter, Ct);

        Assert.Equal(ids.Distinct().Count(), pages.Count);
        foreach (var id in ids)
        {
            var own = await Store.FindPositionsAsync(anchor == PositionAnchor.Actor ? filter with { ActorId = id } : filter with { TargetId = id }, Ct);
            Assert.Equal((own.TotalCount, own.HasNextPage, own.EndCursor), (pages[id].TotalCount, pages[id].HasNextPage, pages[id].EndCursor));
            Assert.Equal(own.Items, pages[id].Items);
        }
    }

    [Fact]
    public async Task Several_actors_first_pages_of_stances_are_what_each_actors_own_query_gives()
    {
        await ApplyThreeReportsAsync();
        await Store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "access-now", "chl"), "alice", Ct);
        string[] ids = ["chl", "jpn", "access-now", "no-such-actor"];

        var pages = await Store.FindActorStancesAsync(ids, null, 1, Ct);
        var supports = await Store.FindActorStancesAsync(ids, Stance.Support, 5, Ct);

        foreach (var id in ids)
        {
            var one = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(ActorId: id, First: 1), Ct);
            var supporting = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(ActorId: id, Stance: Stance.Support, First: 5), Ct);
            Assert.Equal((one.TotalCount, one.HasNextPage, one.EndCursor), (pages[id].TotalCount, pages[id].HasNextPage, pages[id].EndCursor));
            Assert.Equal(one.Items, pages[id].Items);
            Assert.Equal((supporting.TotalCount, supporting.HasNextPage), (supports[id].TotalCount, supports[id].HasNextPage));
            Assert.Equal(supporting.Items, supports[id].Items);
        }
        // The merged actor's old id answers for the survivor, whose page now holds both actors' statements.
        Assert.Equal(pages["chl"].TotalCount, pages["access-now"].TotalCount);
        Assert.Equal(pages["chl"].Items, pages["access-now"].Items);
        Assert.True(pages["chl"].TotalCount > 1 && pages["chl"].HasNextPage);
        Assert.Equal((0, false), (pages["no-such-actor"].TotalCount, pages["no-such-actor"].HasNextPage));
        Assert.Empty(pages["no-such-actor"].Items);
        Assert.Empty(await Store.FindActorStancesAsync([], null, 3, Ct));
    }

    [Fact]
    public async Task Statistics_count_labels_and_relationships_and_rank_targets_and_actors()
    {
        await ApplyThreeReportsAsync();

        var statistics = await Store.GetGraphStatisticsAsync(TimelineGranularity.Year, 2, null, null, Ct);

        var labels = statistics.Labels.ToDictionary(l => l.Name, l => l.Count);
        Assert.Equal((3, 6, 3, 2, 1), (labels["Actor"], labels["Statement"], labels["Report"], labels["Norm"], labels["Principle"]));
        var relationships = statistics.Relationships.ToDictionary(l => l.Name, l => l.Count);
        Assert.Equal((4, 1, 6), (relationships["SUPPORTS"], relationships["OPPOSES"], relationships["MADE"]));
        Assert.Equal([new NamedCount("gge-13j", 2), new NamedCount("p-intl-law", 2)], statistics.MostSupportedTargets);
        Assert.Equal([new NamedCount("chl", 3), new NamedCount("jpn", 2)], statistics.MostActiveActors);
        Assert.Equal([new PeriodActivity("2020", 2, 4), new PeriodActivity("2021", 1, 2)], statistics.Periods);
    }

    [Fact]
    public async Task Statistics_within_dates_rank_only_the_statements_in_range_and_list_only_its_periods()
    {
        await ApplyThreeReportsAsync();

        var in2021 = await Store.GetGraphStatisticsAsync(TimelineGranularity.Year, 2, new DateOnly(2021, 1, 1), null, Ct);
        var in2020 = await Store.GetGraphStatisticsAsync(TimelineGranularity.Year, 2, null, new DateOnly(2020, 12, 31), Ct);
        var fromJuly = await Store.GetGraphStatisticsAsync(TimelineGranularity.Month, 2, new DateOnly(2020, 6, 1), null, Ct);

        Assert.Equal([new NamedCount("p-intl-law", 2)], in2021.MostSupportedTargets);
        Assert.Equal([new NamedCount("chl", 1), new NamedCount("jpn", 1)], in2021.MostActiveActors);
        Assert.Equal([new PeriodActivity("2021", 1, 2)], in2021.Periods);
        Assert.Equal([new NamedCount("gge-13j", 2)], in2020.MostSupportedTargets);
        Assert.Equal([new NamedCount("chl", 2), new NamedCount("access-now", 1)], in2020.MostActiveActors);
        Assert.Equal([new PeriodActivity("2020", 2, 4)], in2020.Periods);
        // Only Chile's July statement supports gge-13j from June on; the labels stay the whole graph's.
        Assert.Equal([new NamedCount("p-intl-law", 2), new NamedCount("gge-13j", 1)], fromJuly.MostSupportedTargets);
        Assert.Equal(["2020-07", "2021-03"], fromJuly.Periods.Select(p => p.Period));
        Assert.Equal(6, fromJuly.Labels.Single(l => l.Name == "Statement").Count);
    }

    [Fact]
    public async Task A_rejected_statement_leaves_every_statistics_count()
    {
        await ApplyThreeReportsAsync();
        var before = await Store.GetGraphStatisticsAsync(TimelineGranularity.Year, 5, null, null, Ct);
        var japan = (await Store.FindPositionsAsync(new PositionQuery(ActorId: "jpn", TargetId: "gge-13j"), Ct)).Items.Single();

        await Store.CurateAsync(new CurationRequest(CurationAction.RejectStatement, japan.Id), "alice", Ct);
        var after = await Store.GetGraphStatisticsAsync(TimelineGranularity.Year, 5, null, null, Ct);

        // The statement, its four edges (MADE, ABOUT, REPORTED_IN, AT), the position edge it alone made and Japan's part in
        // the event, which that statement alone showed, go; nothing else changes.
        static Dictionary<string, int> Drops(IReadOnlyList<NamedCount> before, IReadOnlyList<NamedCount> after) =>
            before.Select(b => (b.Name, Drop: b.Count - after.Single(a => a.Name == b.Name).Count)).Where(d => d.Drop != 0)
                .ToDictionary(d => d.Name, d => d.Drop);
        Assert.Equal(before.Labels.Select(l => l.Name), after.Labels.Select(l => l.Name));
        Assert.Equal(new Dictionary<string, int> { ["Statement"] = 1 }, Drops(before.Labels, after.Labels));
        Assert.Equal(new Dictionary<string, int> { ["ABOUT"] = 1, ["AT"] = 1, ["MADE"] = 1, ["OPPOSES"] = 1, ["PARTICIPATED_IN"] = 1, ["REPORTED_IN"] = 1 },
            Drops(before.Relationships, after.Relationships));
        Assert.Equal([new NamedCount("chl", 3), new NamedCount("access-now", 1), new NamedCount("jpn", 1)], after.MostActiveActors);
        Assert.Equal([new PeriodActivity("2020", 2, 3), new PeriodActivity("2021", 1, 2)], after.Periods);
        var labels = after.Labels.ToDictionary(l => l.Name, l => l.Count);
        var relationships = after.Relationships.ToDictionary(r => r.Name, r => r.Count);
        Assert.Equal((5, 5, 5, 5, 5), (labels["Statement"], relationships["MADE"], relationships["ABOUT"], relationships["REPORTED_IN"], relationships["AT"]));
    }

    private sealed class AlignedActorComparer : IEqualityComparer<AlignedActor>
    {
        public bool Equals(AlignedActor? x, AlignedActor? y) =>
            x is not null && y is not null && x.ActorId == y.ActorId && x.Similarity.Equals(y.Similarity)
            && x.SharedTargetIds.SequenceEqual(y.SharedTargetIds) && x.ConflictingTargetIds.SequenceEqual(y.ConflictingTargetIds);

        public int GetHashCode(AlignedActor obj) => obj.ActorId.GetHashCode(StringComparison.Ordinal);
    }
}
