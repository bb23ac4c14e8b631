namespace NormsGraph.Ingestion.Tests.Inbox;

/// <summary>
/// A writer that pauses longer than the settle time has its file claimed half written. The worker notices the file
/// changed while it was read, or after it was filed (the writer's handle survives the renames), hands it back, and
/// ingests the whole text once it settles: nothing of it is lost.
/// </summary>
public sealed class GrowingFileTests
{
    [Fact]
    public async Task A_file_that_grows_while_it_is_read_goes_back_to_the_inbox_and_its_whole_text_is_stored_once_it_settles()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder, flaky: true);
        const string Rest = "\n\nBrazil welcomed confidence-building measures such as a directory of points of contact.\n";
        var grown = false;
        host.Flaky!.BeforeApply = () =>
        {
            // The writer's next burst lands in the claimed file, after the worker read the first part.
            if (!grown)
            {
                grown = true;
                File.AppendAllText(Directory.EnumerateFiles(folder.Claimed, "report.txt", SearchOption.AllDirectories).Single(), Rest);
            }
        };
        folder.Drop("report.txt", TestReports.SupplyChain);

        var passes = await host.DrainAsync();

        var report = Assert.Single(await host.ReportsAsync());
        Assert.Contains("Brazil welcomed", report.Text, StringComparison.Ordinal);
        Assert.Equal(["report.txt"], TestFolder.FilesIn(folder.Processed));
        Assert.Empty(TestFolder.FilesIn(folder.Inbox));
        Assert.Equal(1, passes.Sum(p => p.Processed));
        Assert.Contains(await host.AllPositionsAsync(), p => p.ActorId == "bra");
    }

    [Fact]
    public async Task A_file_refused_half_written_that_its_writer_then_completes_goes_back_and_is_ingested_whole()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        // The writer's first burst has no text yet, only the time of the session.
        folder.Drop("report.txt", "10:00 - 12:00\n");
        await host.DrainAsync();
        Assert.Equal(["report.txt", "report.txt.error.json"], TestFolder.FilesIn(folder.Failed));

        // Its next burst lands in the file it still holds open, now in failed/.
        File.AppendAllText(Path.Combine(folder.Failed, "report.txt"), TestReports.SupplyChain);
        var passes = await host.DrainAsync();

        Assert.Empty(TestFolder.FilesIn(folder.Failed));
        Assert.Equal(["report.txt"], TestFolder.FilesIn(folder.Processed));
        Assert.Equal(1, passes.Sum(p => p.Processed));
        Assert.Contains("Kenya called for", Assert.Single(await host.ReportsAsync()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_stored_half_written_that_its_writer_then_completes_is_stored_again_whole()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        var cut = TestReports.SupplyChain.IndexOf("The moderator", StringComparison.Ordinal);
        folder.Drop("report.txt", TestReports.SupplyChain[..cut]);
        await host.DrainAsync();
        Assert.DoesNotContain("moderator", Assert.Single(await host.ReportsAsync()).Text, StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(folder.Processed, "report.txt"), TestReports.SupplyChain[cut..]);
        await host.DrainAsync();

        Assert.Contains("moderator", Assert.Single(await host.ReportsAsync()).Text, StringComparison.Ordinal);
        Assert.Equal(["report.txt"], TestFolder.FilesIn(folder.Processed));
        Assert.Empty(TestFolder.FilesIn(folder.Inbox));
    }

    [Fact]
    public async Task A_file_written_after_filing_while_its_name_waits_in_the_inbox_goes_back_once_that_file_is_taken()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        var cut = TestReports.SupplyChain.IndexOf("The moderator", StringComparison.Ordinal);
        folder.Drop("report.txt", TestReports.SupplyChain[..cut]);
        await host.DrainAsync();

        // Another file of that name arrives as the first one's writer finishes it in processed/.
        folder.Drop("report.txt", TestReports.SupplyChainEdited);
        File.AppendAllText(Path.Combine(folder.Processed, "report.txt"), TestReports.SupplyChain[cut..]);
        var passes = await host.DrainAsync();

        // Both went through, the finished one last (it goes back once the inbox name is free): nothing was lost.
        Assert.Equal(2, passes.Sum(p => p.Processed));
        Assert.Equal(2, TestFolder.FilesIn(folder.Processed).Count);
        Assert.Empty(TestFolder.FilesIn(folder.Inbox));
        var stored = Assert.Single(await host.ReportsAsync()).Text;
        Assert.Contains("moderator", stored, StringComparison.Ordinal);
        Assert.Contains("Kenya called for", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filed_file_that_is_only_touched_stays_filed()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        folder.Drop("report.txt", TestReports.SupplyChain);
        await host.DrainAsync();

        File.SetLastWriteTimeUtc(Path.Combine(folder.Processed, "report.txt"), DateTime.UtcNow.AddMinutes(1));
        var passes = await host.DrainAsync();

        Assert.Equal(0, passes.Sum(p => p.Processed));
        Assert.Equal(["report.txt"], TestFolder.FilesIn(folder.Processed));
        Assert.Empty(TestFolder.FilesIn(folder.Inbox));
    }

    [Fact]
    public async Task A_filed_file_is_left_alone_once_the_watch_time_is_over()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder, new() { ["Ingestion:FiledWatchTime"] = "00:00:00" });
        folder.Drop("report.txt", "10:00 - 12:00\n");
        await host.DrainAsync();

        File.AppendAllText(Path.Combine(folder.Failed, "report.txt"), TestReports.SupplyChain);
        await host.DrainAsync();

        Assert.Equal(["report.txt", "report.txt.error.json"], TestFolder.FilesIn(folder.Failed));
        Assert.Empty(await host.ReportsAsync());
    }
}
