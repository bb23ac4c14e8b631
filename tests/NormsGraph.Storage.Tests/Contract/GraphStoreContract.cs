using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Tests.Contract.TestGraphs;

namespace NormsGraph.Storage.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IGraphStore"/> adapter must have. Each adapter's test class derives
/// from this and supplies a fresh, empty store per test.
/// </summary>
public abstract partial class GraphStoreContract : IAsyncLifetime
{
    private IGraphStore? _store;

    protected IGraphStore Store => _store ?? throw new InvalidOperationException("The store was not created.");

    /// <summary>A new, empty store of the adapter under test.</summary>
    protected abstract Task<IGraphStore> CreateStoreAsync();

    public virtual async ValueTask InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.InitializeAsync(Ct);
        await _store.ApplyTaxonomyAsync(Taxonomy(), Ct);
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string DisclosureText = "Access Now called for responsible disclosure. Chile agreed on disclosure.";

    private static ReportGraph DisclosureReport(string? source = "a.txt") => Report(DisclosureText, new DateOnly(2020, 2, 12), source,
        (AccessNow, Stance.Support, DisclosureNorm, "Access Now called for responsible disclosure."),
        (Chile, Stance.Support, DisclosureNorm, "Chile agreed on disclosure."));

    [Fact]
    public async Task Applied_positions_are_found_by_target_with_evidence_and_report()
    {
        var applied = await Store.ApplyAsync(DisclosureReport(), Ct);

        Assert.Equal(ApplyOutcome.Ingested, applied.Outcome);
        var page = await Store.FindPositionsAsync(new PositionQuery(TargetId: "gge-13j"), Ct);
        Assert.Equal(2, page.TotalCount);
        var accessNow = Assert.Single(page.Items, p => p.ActorId == "access-now");
        Assert.Equal(Stance.Support, accessNow.Stance);
        Assert.Equal("Access Now called for responsible disclosure.", accessNow.Evidence);
        Assert.Equal(applied.ReportId, accessNow.ReportId);
        Assert.Equal(new DateOnly(2020, 2, 12), accessNow.Date);
        Assert.Equal(StatementStatus.Extracted, accessNow.Status);
        Assert.Equal(DisclosureText.IndexOf("Access Now", StringComparison.Ordinal), accessNow.EvidenceStart);
    }

    [Fact]
    public async Task Applying_the_same_report_twice_changes_nothing()
    {
        await Store.ApplyAsync(DisclosureReport(), Ct);
        var before = await Store.GetStatisticsAsync(Ct);

        var again = await Store.ApplyAsync(DisclosureReport(), Ct);

        Assert.Equal(ApplyOutcome.Unchanged, again.Outcome);
        Assert.Equal(before, await Store.GetStatisticsAsync(Ct));
    }

    [Fact]
    public async Task A_new_version_of_a_source_replaces_the_old_and_keeps_curation_of_surviving_statements()
    {
        var first = await Store.ApplyAsync(DisclosureReport(), Ct);
        var statements = (await Store.FindPositionsAsync(new PositionQuery(), Ct)).Items;
        var chile = statements.Single(p => p.ActorId == "chl");
        Assert.True(await Store.SetStatementStatusAsync(chile.Id, StatementStatus.Rejected, Ct));

        // The edit drops Access Now's sentence and adds Japan's; Chile's sentence is unchanged.
        const string edited = "Chile agreed on disclosure. Japan stressed that international law applies.";
        var second = await Store.ApplyAsync(Report(edited, new DateOnly(2020, 2, 12), "a.txt",
            (Chile, Stance.Support, DisclosureNorm, "Chile agreed on disclosure."),
            (Japan, Stance.Support, IntlLaw, "Japan stressed that international law applies.")), Ct);

        Assert.Equal(ApplyOutcome.Replaced, second.Outcome);
        Assert.Equal(first.ReportId, second.ReplacedReportId);
        var all = (await Store.FindPositionsAsync(new PositionQuery(IncludeRejected: true), Ct)).Items;
        Assert.Equal(["chl", "jpn"], all.Select(p => p.ActorId).Order());
        Assert.Equal(StatementStatus.Rejected, all.Single(p => p.ActorId == "chl").Status);
        Assert.Equal(1, (await Store.GetStatisticsAsync(Ct)).Reports);
    }

    [Fact]
    public async Task The_same_report_from_another_extractor_version_replaces_its_statements_and_keeps_curation()
    {
        var first = await Store.ApplyAsync(DisclosureReport(), Ct);
        var chile = (await Store.FindPositionsAsync(new PositionQuery(ActorId: "chl"), Ct)).Items.Single();
        Assert.True(await Store.SetStatementStatusAsync(chile.Id, StatementStatus.Rejected, Ct));

        // Same text, so the same report id; the improved extractor reads Access Now's sentence as being
        // about CERTs and still finds Chile's position.
        var improved = Report(DisclosureText, new DateOnly(2020, 2, 12), "a.txt",
            (AccessNow, Stance.Support, CertNorm, "Access Now called for responsible disclosure."),
            (Chile, Stance.Support, DisclosureNorm, "Chile agreed on disclosure."));
        improved = improved with { Report = improved.Report with { ExtractorVersion = "test-2" } };
        var before = (await Store.GetReportsAsync([first.ReportId], Ct))[first.ReportId];

        var second = await Store.ApplyAsync(improved, Ct);

        Assert.Equal(ApplyOutcome.Replaced, second.Outcome);
        Assert.Equal(first.ReportId, second.ReportId);
        Assert.Equal(first.ReportId, second.ReplacedReportId);
        var all = (await Store.FindPositionsAsync(new PositionQuery(IncludeRejected: true), Ct)).Items;
        Assert.Equal([("access-now", "gge-13k"), ("chl", "gge-13j")], all.Select(p => (p.ActorId, p.TargetId)).Order());
        Assert.Equal(StatementStatus.Rejected, all.Single(p => p.ActorId == "chl").Status);
        var statistics = await Store.GetStatisticsAsync(Ct);
        Assert.Equal((1, 2), (statistics.Reports, statistics.Statements));
        var after = (await Store.GetReportsAsync([first.ReportId], Ct))[first.ReportId];
        Assert.Equal("test-2", after.ExtractorVersion);
        Assert.Equal("a.txt", after.Source);
        Assert.Equal(before.IngestedAt, after.IngestedAt);
        var stored = new List<Report>();
        await foreach (var report in Store.ReadReportsAsync(Ct))
        {
            stored.Add(report);
        }
        Assert.Equal("test-2", Assert.Single(stored).ExtractorVersion);

        Assert.Equal(ApplyOutcome.Unchanged, (await Store.ApplyAsync(improved, Ct)).Outcome);
    }

    [Fact]
    public async Task Filters_combine_and_count_all_matches()
    {
        await Store.ApplyAsync(DisclosureReport(), Ct);
        await Store.ApplyAsync(Report("Japan opposed disclosure. Japan backed law.", new DateOnly(2021, 5, 1), "b.txt",
            (Japan, Stance.Oppose, DisclosureNorm, "Japan opposed disclosure."),
            (Japan, Stance.Support, IntlLaw, "Japan backed law.")), Ct);

        Assert.Equal(3, (await Store.FindPositionsAsync(new PositionQuery(TargetId: "gge-13j"), Ct)).TotalCount);
        Assert.Equal(2, (await Store.FindPositionsAsync(new PositionQuery(ActorId: "jpn"), Ct)).TotalCount);
        var opposed = await Store.FindPositionsAsync(new PositionQuery(TargetId: "gge-13j", Stance: Stance.Oppose), Ct);
        Assert.Equal("jpn", Assert.Single(opposed.Items).ActorId);
        Assert.Equal(0, (await Store.FindPositionsAsync(new PositionQuery(ActorId: "nobody"), Ct)).TotalCount);
    }

    [Fact]
    public async Task Pages_walk_every_position_once_in_date_order_with_undated_last()
    {
        await Store.ApplyAsync(Report("Japan backed law in 2021.", new DateOnly(2021, 1, 1), "late.txt",
            (Japan, Stance.Support, IntlLaw, "Japan backed law in 2021.")), Ct);
        await Store.ApplyAsync(Report("Undated: Chile backed law.", null, "undated.txt",
            (Chile, Stance.Support, IntlLaw, "Undated: Chile backed law.")), Ct);
        await Store.ApplyAsync(DisclosureReport(), Ct);

        var seen = new List<PositionRecord>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await Store.FindPositionsAsync(new PositionQuery(First: 2, After: after), Ct);
            Assert.Equal(4, page.TotalCount);
            seen.AddRange(page.Items);
            after = page.HasNextPage ? new PositionCursor(PositionCursor.SortKey(page.Items[^1].Date), page.Items[^1].Id).Encode() : null;
            pages++;
        }
        while (after is not null);

        var last = seen[^1];
        var pastTheEnd = await Store.FindPositionsAsync(new PositionQuery(First: 2, After: new PositionCursor(PositionCursor.SortKey(last.Date), last.Id).Encode()), Ct);
        var confidentPastTheEnd = await Store.FindPositionsAsync(
            new PositionQuery(First: 2, MinConfidence: 0.1, After: new PositionCursor(PositionCursor.SortKey(last.Date), last.Id).Encode()), Ct);

        Assert.Equal(2, pages);
        Assert.Equal(4, seen.Select(p => p.Id).Distinct().Count());
        // A page past the end still gives the total, summed from the edges or counted over the statements.
        Assert.Equal((0, 4), (pastTheEnd.Items.Count, pastTheEnd.TotalCount));
        Assert.Equal((0, 4), (confidentPastTheEnd.Items.Count, confidentPastTheEnd.TotalCount));
        Assert.Equal([new DateOnly(2020, 2, 12), new DateOnly(2020, 2, 12), new DateOnly(2021, 1, 1), null], seen.Select(p => p.Date));
    }

    [Fact]
    public async Task Rejected_statements_leave_queries_unless_asked_for()
    {
        await Store.ApplyAsync(DisclosureReport(), Ct);
        var chile = (await Store.FindPositionsAsync(new PositionQuery(ActorId: "chl"), Ct)).Items.Single();

        Assert.True(await Store.SetStatementStatusAsync(chile.Id, StatementStatus.Rejected, Ct));

        Assert.Equal(0, (await Store.FindPositionsAsync(new PositionQuery(ActorId: "chl"), Ct)).TotalCount);
        Assert.Equal(1, (await Store.FindPositionsAsync(new PositionQuery(ActorId: "chl", IncludeRejected: true), Ct)).TotalCount);
        Assert.False(await Store.SetStatementStatusAsync("s-missing", StatementStatus.Confirmed, Ct));
    }

    [Fact]
    public async Task Lookups_by_id_return_what_exists_and_skip_the_rest()
    {
        var applied = await Store.ApplyAsync(DisclosureReport(), Ct);

        var actors = await Store.GetActorsAsync(["access-now", "chl", "missing"], Ct);
        Assert.Equal(["access-now", "chl"], actors.Keys.Order());
        Assert.Equal(ActorType.CivilSociety, actors["access-now"].Type);
        Assert.Equal(["AccessNow"], actors["access-now"].Aliases);
        var targets = await Store.GetTargetsAsync(["gge-13j", "gge-13k"], Ct);
        Assert.Equal(TargetKind.Norm, targets["gge-13k"].Kind);
        Assert.Equal("gge-2015", targets["gge-13j"].FrameworkId);
        var reports = await Store.GetReportsAsync([applied.ReportId], Ct);
        Assert.Equal("a.txt", reports[applied.ReportId].Source);
        Assert.Equal(new DateOnly(2020, 2, 12), reports[applied.ReportId].Date);
    }

    [Fact]
    public async Task An_actor_found_in_text_never_overwrites_a_curated_one()
    {
        var uncurated = AccessNow with { Name = "access now (as written)", Curated = false };
        var graph = DisclosureReport() with { Actors = [uncurated, Chile] };

        await Store.ApplyAsync(graph, Ct);

        var stored = (await Store.GetActorsAsync(["access-now"], Ct))["access-now"];
        Assert.Equal("Access Now", stored.Name);
        Assert.True(stored.Curated);
    }

    [Fact]
    public async Task Stored_reports_keep_their_text_for_re_extraction()
    {
        await Store.ApplyAsync(DisclosureReport(), Ct);
        var reports = new List<Report>();
        await foreach (var report in Store.ReadReportsAsync(Ct))
        {
            reports.Add(report);
        }
        Assert.Equal(DisclosureText, Assert.Single(reports).Text);
    }

    [Fact]
    public async Task Initialising_and_applying_the_taxonomy_again_is_harmless()
    {
        await Store.ApplyAsync(DisclosureReport(), Ct);
        var before = await Store.GetStatisticsAsync(Ct);

        await Store.InitializeAsync(Ct);
        await Store.ApplyTaxonomyAsync(Taxonomy(), Ct);

        Assert.Equal(before, await Store.GetStatisticsAsync(Ct));
    }

    private async Task ApplyGraphViewReportsAsync()
    {
        await Store.ApplyAsync(DisclosureReport(), Ct);
        await Store.ApplyAsync(Report("Japan opposed disclosure. Japan backed law. Japan insisted on law.", new DateOnly(2021, 5, 1), "b.txt",
            (Japan, Stance.Oppose, DisclosureNorm, "Japan opposed disclosure."),
            (Japan, Stance.Support, IntlLaw, "Japan backed law."),
            (Japan, Stance.Support, IntlLaw, "Japan insisted on law.")), Ct);
        await Store.ApplyAsync(Report("Undated: Chile backed law.", null, "undated.txt",
            (Chile, Stance.Support, IntlLaw, "Undated: Chile backed law.")), Ct);
    }

    [Fact]
    public async Task A_graph_view_around_a_norm_holds_its_actors_with_weighted_dated_edges()
    {
        await ApplyGraphViewReportsAsync();

        var view = await Store.GetGraphViewAsync(new GraphViewQuery(["gge-13j"]), Ct);

        Assert.False(view.Truncated);
        Assert.Equal(
            [("gge-13j", GraphViewNodeKind.Norm, (ActorType?)null, 3, 0), ("access-now", GraphViewNodeKind.Actor, ActorType.CivilSociety, 1, 1),
             ("chl", GraphViewNodeKind.Actor, ActorType.State, 1, 1), ("jpn", GraphViewNodeKind.Actor, ActorType.State, 1, 1)],
            view.Nodes.Select(n => (n.Id, n.Kind, n.Type, n.Weight, n.Distance)));
        Assert.Equal("Report ICT vulnerabilities", view.Nodes[0].Label);
        Assert.Equal(
            [("access-now:support:gge-13j", "access-now", "gge-13j", Stance.Support, 1, (DateOnly?)new DateOnly(2020, 2, 12)),
             ("chl:support:gge-13j", "chl", "gge-13j", Stance.Support, 1, new DateOnly(2020, 2, 12)),
             ("jpn:oppose:gge-13j", "jpn", "gge-13j", Stance.Oppose, 1, new DateOnly(2021, 5, 1))],
            view.Edges.Select(e => (e.Id, e.Source, e.Target, e.Stance, e.Weight, e.First)));
    }

    [Fact]
    public async Task A_deeper_graph_view_reaches_the_other_targets_of_the_actors_and_counts_every_statement()
    {
        await ApplyGraphViewReportsAsync();

        var view = await Store.GetGraphViewAsync(new GraphViewQuery(["gge-13j"], Depth: 2), Ct);

        Assert.Equal(["gge-13j", "jpn", "chl", "access-now", "p-intl-law"], view.Nodes.Select(n => n.Id));
        Assert.Equal(2, view.Nodes.Single(n => n.Id == "p-intl-law").Distance);
        var law = view.Edges.Single(e => e.Id == "jpn:support:p-intl-law");
        Assert.Equal((2, new DateOnly(2021, 5, 1), new DateOnly(2021, 5, 1)), (law.Weight, law.First, law.Last));
        var undated = view.Edges.Single(e => e.Id == "chl:support:p-intl-law");
        Assert.Equal((1, (DateOnly?)null), (undated.Weight, undated.First));
    }

    [Fact]
    public async Task Graph_view_filters_on_stance_actor_type_dates_strength_and_curation()
    {
        await ApplyGraphViewReportsAsync();
        async Task<IEnumerable<string>> EdgesAsync(GraphViewQuery query) => (await Store.GetGraphViewAsync(query, Ct)).Edges.Select(e => e.Id);

        Assert.Equal(["jpn:oppose:gge-13j"], await EdgesAsync(new GraphViewQuery(["gge-13j"], Stances: [Stance.Oppose])));
        Assert.Equal(["access-now:support:gge-13j"], await EdgesAsync(new GraphViewQuery(["gge-13j"], ActorTypes: [ActorType.CivilSociety])));
        Assert.Equal(["jpn:oppose:gge-13j"], await EdgesAsync(new GraphViewQuery(["gge-13j"], From: new DateOnly(2021, 1, 1))));
        Assert.Equal(["jpn:support:p-intl-law"], await EdgesAsync(new GraphViewQuery([], To: new DateOnly(2030, 1, 1), MinStatements: 2)));
        Assert.Empty(await EdgesAsync(new GraphViewQuery(["gge-13j"], ProcessId: "no-such-process")));
        Assert.Equal(3, (await EdgesAsync(new GraphViewQuery(["gge-13j"], ProcessId: "oewg-2019-2021", MinConfidence: 0.5))).Count());
        // Empty lists filter nothing, as search's empty kinds do.
        Assert.Equal(await EdgesAsync(new GraphViewQuery(["gge-13j"])), await EdgesAsync(new GraphViewQuery(["gge-13j"], Stances: [], ActorTypes: [])));

        var chile = (await Store.FindPositionsAsync(new PositionQuery(ActorId: "chl", TargetId: "gge-13j"), Ct)).Items.Single();
        await Store.SetStatementStatusAsync(chile.Id, StatementStatus.Rejected, Ct);
        Assert.Equal(["access-now:support:gge-13j", "jpn:oppose:gge-13j"], await EdgesAsync(new GraphViewQuery(["gge-13j"])));
    }

    [Fact]
    public async Task A_graph_view_over_the_limit_keeps_the_nearest_and_strongest_nodes_and_says_it_was_truncated()
    {
        await ApplyGraphViewReportsAsync();

        var whole = await Store.GetGraphViewAsync(new GraphViewQuery([]), Ct);
        var cut = await Store.GetGraphViewAsync(new GraphViewQuery([], Limit: 3), Ct);

        Assert.False(whole.Truncated);
        Assert.Equal(["gge-13j", "jpn", "p-intl-law", "chl", "access-now"], whole.Nodes.Select(n => n.Id));
        Assert.True(cut.Truncated);
        Assert.Equal(["gge-13j", "jpn", "p-intl-law"], cut.Nodes.Select(n => n.Id));
        Assert.Equal(["jpn:oppose:gge-13j", "jpn:support:p-intl-law"], cut.Edges.Select(e => e.Id));
        Assert.Equal(3, cut.Nodes.Single(n => n.Id == "jpn").Weight);
    }

    [Fact]
    public async Task A_focus_on_an_actor_with_depth_zero_is_the_actor_alone_and_unknown_ids_are_left_out()
    {
        await ApplyGraphViewReportsAsync();

        var view = await Store.GetGraphViewAsync(new GraphViewQuery(["jpn", "nobody"], Depth: 0), Ct);

        var japan = Assert.Single(view.Nodes);
        Assert.Equal(("jpn", "Japan", GraphViewNodeKind.Actor, 0), (japan.Id, japan.Label, japan.Kind, japan.Weight));
        Assert.Empty(view.Edges);
    }
}
