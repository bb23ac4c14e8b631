using NormsGraph.Ingestion.Inbox;

namespace NormsGraph.Ingestion.Tests.Inbox;

/// <summary>
/// A file is filed in processed/ or failed/ under its source, which earlier files may have made impossible to use as it
/// is: a name taken by a folder, a folder's name taken by a file, or no room left for a time stamp or a reason file.
/// </summary>
public sealed class FilingNameTests
{
    // The longest file name most Linux file systems take is 255 bytes.
    private static readonly string LongName = new string('r', 246) + ".txt";

    [Fact]
    public async Task A_folder_named_like_a_filed_file_is_filed_beside_it()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        folder.Drop("2021", TestReports.SupplyChain);
        await host.DrainAsync();

        folder.Drop("2021/report.txt", TestReports.CriticalInfrastructure);
        var passes = await host.DrainAsync();

        var filed = FiledOnce(passes, folder);
        Assert.Contains("2021", filed);
        Assert.Contains(filed, f => f.StartsWith("2021.", StringComparison.Ordinal) && f.EndsWith("/report.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_named_like_a_filed_folder_is_filed_beside_it()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        folder.Drop("2021/report.txt", TestReports.CriticalInfrastructure);
        await host.DrainAsync();
        Directory.Delete(Path.Combine(folder.Inbox, "2021")); // the worker leaves the emptied folder

        folder.Drop("2021", TestReports.SupplyChain);
        var passes = await host.DrainAsync();

        var filed = FiledOnce(passes, folder);
        Assert.Contains(filed, f => f.StartsWith("2021.", StringComparison.Ordinal) && !f.Contains('/', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_version_of_a_file_with_a_name_near_the_limit_is_filed_under_a_stamped_name_that_fits()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        folder.Drop(LongName, TestReports.SupplyChain);
        await host.DrainAsync();

        folder.Drop(LongName, TestReports.SupplyChainEdited);
        var passes = await host.DrainAsync();

        FiledOnce(passes, folder);
        Assert.Equal(LongName, Assert.Single(await host.ReportsAsync()).Source);
    }

    [Fact]
    public async Task A_refused_file_with_a_name_near_the_limit_is_filed_with_its_reason()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        folder.Drop(LongName, "too short");

        var passes = await host.DrainAsync();

        Assert.Equal(1, passes.Sum(p => p.Failed));
        Assert.Equal(0, passes.Sum(p => p.Errors));
        Assert.Empty(TestFolder.FilesIn(folder.Claimed));
        var failed = TestFolder.FilesIn(folder.Failed);
        Assert.Equal(2, failed.Count);
        var reason = Assert.Single(failed, f => f.EndsWith(".error.json", StringComparison.Ordinal));
        Assert.Contains(failed, f => f + ".error.json" == reason);
        Assert.Contains("\"EMPTY_REPORT\"", File.ReadAllText(Path.Combine(folder.Failed, reason)), StringComparison.Ordinal);
    }

    // The second file went through without an error and left nothing behind: both sit in processed/, whose names it returns.
    private static List<string> FiledOnce(IReadOnlyList<PassSummary> passes, TestFolder folder)
    {
        Assert.Equal((1, 0), (passes.Sum(p => p.Processed), passes.Sum(p => p.Errors)));
        Assert.Empty(TestFolder.FilesIn(folder.Inbox));
        Assert.Empty(TestFolder.FilesIn(folder.Claimed));
        var filed = TestFolder.FilesIn(folder.Processed);
        Assert.Equal(2, filed.Count);
        return filed;
    }
}
