using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Tests.Contract.TestGraphs;

namespace NormsGraph.Storage.Tests.Contract;

/// <summary>
/// One text held by several sources (a copy of a file under another name): a report's id is its text's hash, so the
/// copies are one report, which stays in the graph while any of its sources still holds it.
/// </summary>
public abstract partial class GraphStoreContract
{
    private const string EditedText = "Chile agreed on disclosure. Japan stressed that international law applies.";

    private static ReportGraph EditedReport(string source) => Report(EditedText, new DateOnly(2020, 2, 12), source,
        (Chile, Stance.Support, DisclosureNorm, "Chile agreed on disclosure."),
        (Japan, Stance.Support, IntlLaw, "Japan stressed that international law applies."));

    [Fact]
    public async Task A_text_stays_while_another_source_still_holds_it()
    {
        var first = await Store.ApplyAsync(DisclosureReport("a.txt"), Ct);
        Assert.Equal(ApplyOutcome.Unchanged, (await Store.ApplyAsync(DisclosureReport("b.txt"), Ct)).Outcome);

        // a.txt gets a new text; b.txt still holds the first one, so it stays, now shown as b.txt's.
        var edited = await Store.ApplyAsync(EditedReport("a.txt"), Ct);

        Assert.Equal(ApplyOutcome.Ingested, edited.Outcome);
        Assert.Null(edited.ReplacedReportId);
        Assert.Equal(2, (await Store.GetStatisticsAsync(Ct)).Reports);
        Assert.Equal("b.txt", (await Store.GetReportsAsync([first.ReportId], Ct))[first.ReportId].Source);
        Assert.Equal("a.txt", (await Store.GetReportsAsync([edited.ReportId], Ct))[edited.ReportId].Source);
        Assert.Equal(first.ReportId, edited.StaleReportId);
        // Re-extracted under b.txt, as the pipeline does at once, it has its statements again.
        await Store.ApplyAsync(DisclosureReport("b.txt"), Ct);
        var accessNow = await Store.FindPositionsAsync(new PositionQuery(ActorId: "access-now"), Ct);
        Assert.Equal(first.ReportId, Assert.Single(accessNow.Items).ReportId);
    }

    [Fact]
    public async Task A_source_that_moves_on_takes_its_statements_to_its_new_text_and_the_text_it_left_awaits_re_extraction()
    {
        var first = await Store.ApplyAsync(DisclosureReport("a.txt"), Ct);
        await Store.ApplyAsync(DisclosureReport("b.txt"), Ct);

        // The edited text repeats Chile's sentence, whose statement id under a.txt is the one the first text had.
        var edited = await Store.ApplyAsync(EditedReport("a.txt"), Ct);

        Assert.Equal(2, (await Store.FindPositionsAsync(new PositionQuery(ReportId: edited.ReportId), Ct)).TotalCount);
        Assert.Equal(first.ReportId, edited.StaleReportId);
        Assert.Equal(0, (await Store.FindPositionsAsync(new PositionQuery(ReportId: first.ReportId), Ct)).TotalCount);
        var reextracted = await Store.ApplyAsync(DisclosureReport("b.txt"), Ct);
        Assert.Equal((ApplyOutcome.Replaced, first.ReportId), (reextracted.Outcome, reextracted.ReplacedReportId));
        Assert.Equal(2, (await Store.FindPositionsAsync(new PositionQuery(ReportId: first.ReportId), Ct)).TotalCount);
        Assert.Equal(2, (await Store.FindPositionsAsync(new PositionQuery(ActorId: "chl"), Ct)).TotalCount);

        // b.txt moves on as well: the first text leaves, and Chile's statement in a.txt's text stays.
        await Store.ApplyAsync(Report("Estonia spoke of other things entirely.", null, "b.txt"), Ct);
        var chile = await Store.FindPositionsAsync(new PositionQuery(ActorId: "chl"), Ct);
        Assert.Equal(edited.ReportId, Assert.Single(chile.Items).ReportId);
        Assert.Equal(2, (await Store.FindPositionsAsync(new PositionQuery(ReportId: edited.ReportId), Ct)).TotalCount);
    }

    [Fact]
    public async Task A_text_leaves_when_its_last_source_moves_on_even_to_a_text_already_stored()
    {
        var first = await Store.ApplyAsync(DisclosureReport("a.txt"), Ct);
        await Store.ApplyAsync(DisclosureReport("b.txt"), Ct);
        var edited = await Store.ApplyAsync(EditedReport("a.txt"), Ct);

        // b.txt now holds what a.txt holds: nothing holds the first text any more.
        var moved = await Store.ApplyAsync(EditedReport("b.txt"), Ct);

        Assert.Equal(ApplyOutcome.Replaced, moved.Outcome);
        Assert.Equal(edited.ReportId, moved.ReportId);
        Assert.Equal(first.ReportId, moved.ReplacedReportId);
        Assert.Equal(1, (await Store.GetStatisticsAsync(Ct)).Reports);
        Assert.Empty((await Store.FindPositionsAsync(new PositionQuery(ActorId: "access-now"), Ct)).Items);
        Assert.Empty((await Store.GetReportsAsync([first.ReportId], Ct)));
        // Both sources hold the edited text: a.txt moving on again leaves it in place.
        Assert.Equal(ApplyOutcome.Ingested, (await Store.ApplyAsync(DisclosureReport("a.txt"), Ct)).Outcome);
        Assert.Equal(2, (await Store.GetStatisticsAsync(Ct)).Reports);
    }

    [Fact]
    public async Task A_text_sent_without_a_source_stays_when_a_source_that_also_held_it_moves_on()
    {
        // Sent through the API without a source: no name holds it, so no source moving on can take it away.
        var sent = await Store.ApplyAsync(DisclosureReport(null), Ct);
        Assert.Equal(ApplyOutcome.Unchanged, (await Store.ApplyAsync(DisclosureReport("a.txt"), Ct)).Outcome);

        var edited = await Store.ApplyAsync(EditedReport("a.txt"), Ct);

        Assert.Equal((ApplyOutcome.Ingested, null), (edited.Outcome, edited.ReplacedReportId));
        Assert.Equal(2, (await Store.GetStatisticsAsync(Ct)).Reports);
        Assert.Null((await Store.GetReportsAsync([sent.ReportId], Ct))[sent.ReportId].Source);
        Assert.Equal(2, (await Store.FindPositionsAsync(new PositionQuery(ReportId: sent.ReportId), Ct)).TotalCount);
    }

    [Fact]
    public async Task A_text_a_file_brought_first_and_the_API_sent_again_without_a_source_stays_when_the_file_moves_on()
    {
        var first = await Store.ApplyAsync(DisclosureReport("a.txt"), Ct);
        // An analyst sends the same text through the API, without a source: it holds the text too, by no name.
        Assert.Equal(ApplyOutcome.Unchanged, (await Store.ApplyAsync(DisclosureReport(null), Ct)).Outcome);

        var edited = await Store.ApplyAsync(EditedReport("a.txt"), Ct);

        // The text stays, showing no source; its statements (hashed with a.txt) went to a.txt's new text, and re-extracted
        // without a source, as the pipeline does at once, it has its own again.
        Assert.Equal((ApplyOutcome.Ingested, null, first.ReportId), (edited.Outcome, edited.ReplacedReportId, edited.StaleReportId));
        Assert.Equal(2, (await Store.GetStatisticsAsync(Ct)).Reports);
        Assert.Null((await Store.GetReportsAsync([first.ReportId], Ct))[first.ReportId].Source);
        var again = DisclosureReport(null);
        var reextracted = await Store.ApplyAsync(again with { Reextraction = true }, Ct);
        Assert.Equal((ApplyOutcome.Replaced, first.ReportId), (reextracted.Outcome, reextracted.ReplacedReportId));
        Assert.Equal(2, (await Store.FindPositionsAsync(new PositionQuery(ReportId: first.ReportId), Ct)).TotalCount);
    }

    [Fact]
    public async Task A_re_extraction_read_before_its_source_moved_on_moves_no_source_back()
    {
        var first = await Store.ApplyAsync(DisclosureReport("a.txt"), Ct);
        // Re-extraction read the first text under a.txt; a worker then stores a.txt's new text.
        var stale = DisclosureReport("a.txt");
        var edited = await Store.ApplyAsync(EditedReport("a.txt"), Ct);

        var reextracted = await Store.ApplyAsync(stale with { Report = stale.Report with { ExtractorVersion = "test-2" }, Reextraction = true }, Ct);

        Assert.Equal((ApplyOutcome.Unchanged, null), (reextracted.Outcome, reextracted.ReplacedReportId));
        Assert.Empty(await Store.GetReportsAsync([first.ReportId], Ct));
        Assert.Equal("a.txt", Assert.Single((await Store.GetReportsAsync([edited.ReportId], Ct)).Values).Source);
        Assert.Equal(2, (await Store.FindPositionsAsync(new PositionQuery(ReportId: edited.ReportId), Ct)).TotalCount);
        Assert.Equal(1, (await Store.GetStatisticsAsync(Ct)).Reports);
    }

    [Fact]
    public async Task A_copy_read_by_another_extractor_leaves_the_report_with_its_source_and_curation()
    {
        var first = await Store.ApplyAsync(DisclosureReport("a.txt"), Ct);
        var chile = Assert.Single((await Store.FindPositionsAsync(new PositionQuery(ActorId: "chl"), Ct)).Items).Id;
        Assert.True(await Store.SetStatementStatusAsync(chile, StatementStatus.Rejected, Ct));

        // A copy read by a newer extractor (a changed taxonomy) before reextract ran: its statement ids hash b.txt.
        var copy = DisclosureReport("b.txt");
        var applied = await Store.ApplyAsync(copy with { Report = copy.Report with { ExtractorVersion = "test-2" } }, Ct);

        Assert.Equal((ApplyOutcome.Unchanged, null), (applied.Outcome, applied.ReplacedReportId));
        var report = (await Store.GetReportsAsync([first.ReportId], Ct))[first.ReportId];
        Assert.Equal(("a.txt", "test"), (report.Source, report.ExtractorVersion));
        var kept = Assert.Single((await Store.FindPositionsAsync(new PositionQuery(ActorId: "chl", IncludeRejected: true), Ct)).Items);
        Assert.Equal((chile, StatementStatus.Rejected), (kept.Id, kept.Status));
        // b.txt was recorded as holding it.
        await Store.ApplyAsync(EditedReport("a.txt"), Ct);
        Assert.Equal("b.txt", (await Store.GetReportsAsync([first.ReportId], Ct))[first.ReportId].Source);
    }

    [Fact]
    public async Task Re_extracting_a_text_whose_first_source_moved_on_leaves_that_source_with_its_new_text()
    {
        var first = await Store.ApplyAsync(DisclosureReport("a.txt"), Ct);
        await Store.ApplyAsync(DisclosureReport("b.txt"), Ct);
        var edited = await Store.ApplyAsync(EditedReport("a.txt"), Ct);

        // Re-extraction reads each stored report with the source it shows.
        var stored = new List<Report>();
        await foreach (var report in Store.ReadReportsAsync(Ct))
        {
            stored.Add(report);
        }
        var kept = stored.Single(r => r.Id == first.ReportId);
        var again = DisclosureReport(kept.Source);
        var reextracted = await Store.ApplyAsync(again with { Report = again.Report with { ExtractorVersion = "test-2" } }, Ct);

        Assert.Equal((ApplyOutcome.Replaced, first.ReportId), (reextracted.Outcome, reextracted.ReplacedReportId));
        Assert.Equal(2, (await Store.GetStatisticsAsync(Ct)).Reports);
        Assert.Equal(ApplyOutcome.Unchanged, (await Store.ApplyAsync(EditedReport("a.txt"), Ct)).Outcome);
        Assert.NotEmpty((await Store.GetReportsAsync([edited.ReportId], Ct)));
    }

    [Fact]
    public async Task A_new_version_with_another_date_leaves_no_event_nobody_reports_nor_its_participants()
    {
        await Store.ApplyAsync(Report("Chile agreed on law. Japan agreed on law.", new DateOnly(2020, 2, 11), "c.txt",
            (Chile, Stance.Support, IntlLaw, "Chile agreed on law."),
            (Japan, Stance.Support, IntlLaw, "Japan agreed on law.")), Ct);

        // The date is corrected and Japan's sentence dropped: the report now covers another event, which Japan did not attend.
        var corrected = await Store.ApplyAsync(Report("Chile agreed on law.", new DateOnly(2020, 2, 12), "c.txt",
            (Chile, Stance.Support, IntlLaw, "Chile agreed on law.")), Ct);
        var events = await Store.FindEventsAsync(new ReportQuery(), Ct);
        var chile = await Store.FindEventsAsync(new ReportQuery(ActorId: "chl"), Ct);
        var japan = await Store.FindEventsAsync(new ReportQuery(ActorId: "jpn"), Ct);
        var statistics = await Store.GetGraphStatisticsAsync(TimelineGranularity.Year, 5, null, null, Ct);

        Assert.Equal(ApplyOutcome.Replaced, corrected.Outcome);
        var only = Assert.Single(events.Items);
        Assert.Equal((new DateOnly(2020, 2, 12), 1), (only.Date, only.Reports));
        Assert.Equal([only.Id], chile.Items.Select(e => e.Id));
        Assert.Equal(0, japan.TotalCount);
        Assert.Equal((1, 1), (statistics.Labels.Single(l => l.Name == "Event").Count,
            statistics.Relationships.Single(r => r.Name == "PARTICIPATED_IN").Count));
    }
}
