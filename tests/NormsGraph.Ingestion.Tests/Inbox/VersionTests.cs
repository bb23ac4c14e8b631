using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Ingestion.Tests.Inbox;

/// <summary>The source of a report is its path relative to the inbox; the store uses it to tell versions from duplicates.</summary>
public sealed class VersionTests
{
    [Fact]
    public async Task The_same_file_dropped_again_leaves_the_graph_unchanged()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        folder.Drop("oewg/report.txt", TestReports.SupplyChain);
        await host.DrainAsync();
        var before = await host.Store.GetStatisticsAsync(IngestionHost.Ct);
        var positions = (await host.AllPositionsAsync()).Select(p => p.Id).Order(StringComparer.Ordinal).ToList();

        folder.Drop("oewg/report.txt", TestReports.SupplyChain);
        await host.DrainAsync();

        Assert.Equal(before, await host.Store.GetStatisticsAsync(IngestionHost.Ct));
        Assert.Equal(positions, (await host.AllPositionsAsync()).Select(p => p.Id).Order(StringComparer.Ordinal));
        var processed = TestFolder.FilesIn(folder.Processed);
        Assert.Equal(2, processed.Count);
        Assert.All(processed, p => Assert.StartsWith("oewg/report.", p, StringComparison.Ordinal));
        Assert.Equal("oewg/report.txt", Assert.Single(await host.ReportsAsync()).Source);
    }

    [Fact]
    public async Task A_changed_file_replaces_its_earlier_version_and_keeps_curation_of_surviving_statements()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        folder.Drop("report.txt", TestReports.SupplyChain);
        await host.DrainAsync();
        var first = await host.AllPositionsAsync();
        var japan = first.First(p => p.ActorId == "jpn");
        Assert.Contains(first, p => p.ActorId == "ken");
        Assert.True(await host.Store.SetStatementStatusAsync(japan.Id, StatementStatus.Rejected, IngestionHost.Ct));

        folder.Drop("report.txt", TestReports.SupplyChainEdited);
        await host.DrainAsync();

        var second = await host.AllPositionsAsync();
        Assert.DoesNotContain(second, p => p.ActorId == "ken");
        Assert.Contains(second, p => p.ActorId == "bra");
        Assert.Equal(StatementStatus.Rejected, second.Single(p => p.Id == japan.Id).Status);
        var report = Assert.Single(await host.ReportsAsync());
        Assert.Equal("report.txt", report.Source);
        Assert.Contains("Brazil", report.Text, StringComparison.Ordinal);
        Assert.Equal(2, TestFolder.FilesIn(folder.Processed).Count);
    }

    [Fact]
    public async Task A_copy_that_changes_keeps_the_sentences_it_shares_with_the_text_another_copy_still_holds()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        folder.Drop("a.txt", TestReports.SupplyChain);
        await host.DrainAsync();
        folder.Drop("b.txt", TestReports.SupplyChain);
        await host.DrainAsync();

        // a.txt is edited; Japan's sentence stays in it, and b.txt still holds the first text.
        folder.Drop("a.txt", TestReports.SupplyChainEdited);
        await host.DrainAsync();

        var reports = await host.ReportsAsync();
        var first = reports.Single(r => r.Source == "b.txt");
        var edited = reports.Single(r => r.Source == "a.txt");
        var positions = await host.AllPositionsAsync();
        Assert.Equal(["bra", "jpn"], positions.Where(p => p.ReportId == edited.Id).Select(p => p.ActorId).Order(StringComparer.Ordinal));
        Assert.Equal(["jpn", "ken"], positions.Where(p => p.ReportId == first.Id).Select(p => p.ActorId).Order(StringComparer.Ordinal));
        Assert.Equal(host.Pipeline.ExtractorVersion, first.ExtractorVersion);

        // b.txt moves on as well: Japan's sentence stays with a.txt's text.
        folder.Drop("b.txt", TestReports.CriticalInfrastructure);
        await host.DrainAsync();
        Assert.Contains(await host.AllPositionsAsync(), p => p.ActorId == "jpn" && p.ReportId == edited.Id);
    }

    [Fact]
    public async Task Each_report_is_applied_to_the_store_once_in_one_call()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder, flaky: true);
        folder.Drop("a.txt", TestReports.SupplyChain);
        folder.Drop("b.txt", TestReports.CriticalInfrastructure);
        folder.Drop("c.md", TestReports.MarkdownReport);
        folder.Drop("d.html", TestReports.HtmlReport);

        await host.DrainAsync();

        // ApplyAsync is the store's unit of work: one transaction per call (IGraphStore contract).
        Assert.Equal(4, host.Flaky!.ApplyCalls);
        Assert.Equal(4, (await host.Store.GetStatisticsAsync(IngestionHost.Ct)).Reports);
        Assert.Equal(ApplyOutcome.Unchanged, (await host.Pipeline.IngestFileAsync(
            Path.Combine(folder.Processed, "a.txt"), "a.txt", IngestionHost.Ct)).Applied!.Outcome);
    }
}
