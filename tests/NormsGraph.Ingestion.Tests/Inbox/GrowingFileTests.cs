namespace NormsGraph.Ingestion.Tests.Inbox;

/// <summary>
/// A writer that pauses longer than the settle time has its file claimed half written. The worker notices the file
/// changed while it was read, hands it back, and ingests the whole text once it settles: nothing of it is lost.
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
}
