using System.Diagnostics;
using NormsGraph.Ingestion.Inbox;

namespace NormsGraph.Ingestion.Tests.Inbox;

/// <summary>Claims keep two workers off one file, and claims left by a worker that died go back to work.</summary>
public sealed class ClaimTests
{
    private static string ClaimFolder(TestFolder folder, string workerId) => Path.Combine(folder.Claimed, workerId);

    private static void PutClaim(TestFolder folder, string workerId, string name, string content, DateTime? claimedAt = null)
    {
        var path = Path.Combine(ClaimFolder(folder, workerId), name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        if (claimedAt is { } at)
        {
            Directory.SetLastWriteTimeUtc(ClaimFolder(folder, workerId), at);
        }
    }

    [Fact]
    public async Task Claims_left_by_this_worker_id_in_an_earlier_run_are_ingested_at_the_first_pass()
    {
        using var folder = new TestFolder();
        PutClaim(folder, IngestionHost.WorkerId, "left/behind.txt", TestReports.SupplyChain);
        await using var host = await IngestionHost.StartAsync(folder);

        await host.DrainAsync();

        Assert.Equal(["left/behind.txt"], TestFolder.FilesIn(folder.Processed));
        Assert.Empty(TestFolder.FilesIn(folder.Claimed));
        Assert.Equal("left/behind.txt", Assert.Single(await host.ReportsAsync()).Source);
    }

    [Fact]
    public async Task Claims_of_a_worker_silent_for_the_claim_timeout_are_taken_back_and_a_live_workers_are_left_alone()
    {
        using var folder = new TestFolder();
        PutClaim(folder, "gone-worker", "stale.txt", TestReports.SupplyChain, claimedAt: DateTime.UtcNow.AddHours(-2));
        PutClaim(folder, "busy-worker", "in-flight.txt", TestReports.CriticalInfrastructure, claimedAt: DateTime.UtcNow);
        await using var host = await IngestionHost.StartAsync(folder, new() { ["Ingestion:ClaimTimeout"] = "00:30:00" });

        await host.DrainAsync();

        Assert.Equal(["stale.txt"], TestFolder.FilesIn(folder.Processed));
        Assert.Equal(["busy-worker/in-flight.txt"], TestFolder.FilesIn(folder.Claimed));
        Assert.False(Directory.Exists(ClaimFolder(folder, "gone-worker")));
    }

    [Fact]
    public async Task Claims_of_a_dead_worker_process_on_this_machine_are_taken_back_without_waiting_for_the_timeout()
    {
        using var folder = new TestFolder();
        var deadPid = await DeadProcessIdAsync();
        var deadWorker = InboxFolders.DefaultWorkerId()[..InboxFolders.DefaultWorkerId().LastIndexOf('-')] + "-" + deadPid;
        PutClaim(folder, deadWorker, "orphan.txt", TestReports.SupplyChain, claimedAt: DateTime.UtcNow);
        await using var host = await IngestionHost.StartAsync(folder);

        await host.DrainAsync();

        Assert.Equal(["orphan.txt"], TestFolder.FilesIn(folder.Processed));
        Assert.Empty(TestFolder.FilesIn(folder.Claimed));
    }

    [Fact]
    public async Task An_older_claimed_version_goes_to_the_store_before_the_newer_file_of_that_name_in_the_inbox()
    {
        using var folder = new TestFolder();
        PutClaim(folder, IngestionHost.WorkerId, "report.txt", TestReports.SupplyChain);
        folder.Drop("report.txt", TestReports.SupplyChainEdited);
        await using var host = await IngestionHost.StartAsync(folder);

        await host.DrainAsync();

        var report = Assert.Single(await host.ReportsAsync());
        Assert.Contains("Brazil", report.Text, StringComparison.Ordinal);
        Assert.Equal(2, TestFolder.FilesIn(folder.Processed).Count);
        Assert.Empty(TestFolder.FilesIn(folder.Inbox));
        Assert.Empty(TestFolder.FilesIn(folder.Claimed));
    }

    [Fact]
    public async Task A_claim_identical_to_the_file_waiting_in_the_inbox_is_dropped_as_a_duplicate()
    {
        using var folder = new TestFolder();
        PutClaim(folder, IngestionHost.WorkerId, "report.txt", TestReports.SupplyChain);
        folder.Drop("report.txt", TestReports.SupplyChain);
        await using var host = await IngestionHost.StartAsync(folder);

        await host.DrainAsync();

        Assert.Equal(["report.txt"], TestFolder.FilesIn(folder.Processed));
        Assert.Empty(TestFolder.FilesIn(folder.Claimed));
    }

    [Fact]
    public async Task Two_workers_sharing_an_inbox_take_every_file_exactly_once()
    {
        using var folder = new TestFolder();
        var names = Enumerable.Range(1, 40).Select(i => $"r{i:D2}.txt").ToList();
        var reports = Core.Samples.SyntheticReports.Generate(names.Count, seed: 11);
        for (var i = 0; i < names.Count; i++)
        {
            folder.Drop(names[i], reports[i].Content.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        await using var first = await IngestionHost.StartAsync(folder, new() { ["Ingestion:WorkerId"] = "first" });
        await using var second = await IngestionHost.StartAsync(folder, new() { ["Ingestion:WorkerId"] = "second" });

        await Task.WhenAll(first.PassAsync(), second.PassAsync());
        await Task.WhenAll(Task.Run(() => first.DrainAsync()), Task.Run(() => second.DrainAsync()));

        Assert.Equal(names, TestFolder.FilesIn(folder.Processed));
        Assert.Empty(TestFolder.FilesIn(folder.Claimed));
        Assert.Equal(names.Count, (await first.Store.GetStatisticsAsync(IngestionHost.Ct)).Reports);
    }

    [Fact]
    public async Task Files_still_being_written_or_under_a_temporary_name_are_left_alone()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        Directory.CreateDirectory(folder.Inbox);
        var growing = Path.Combine(folder.Inbox, "growing.txt");
        await File.WriteAllTextAsync(growing, TestReports.SupplyChain[..120], IngestionHost.Ct);
        folder.Drop("download.txt.part", TestReports.CriticalInfrastructure);
        folder.Drop(".hidden.txt", TestReports.CriticalInfrastructure);

        var firstLook = await host.PassAsync();
        await File.AppendAllTextAsync(growing, TestReports.SupplyChain[120..], IngestionHost.Ct);
        File.SetLastWriteTimeUtc(growing, DateTime.UtcNow.AddSeconds(-1));
        var grown = await host.PassAsync();
        var settled = await host.PassAsync();

        Assert.Equal((0, 1), (firstLook.Processed, firstLook.Settling));
        Assert.Equal((0, 1), (grown.Processed, grown.Settling));
        Assert.Equal(1, settled.Processed);
        Assert.Equal(["growing.txt"], TestFolder.FilesIn(folder.Processed));
        Assert.Equal([".hidden.txt", "download.txt.part"], TestFolder.FilesIn(folder.Inbox));
    }

    [Fact]
    public async Task A_file_is_not_taken_before_it_has_been_quiet_for_the_settle_time()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder, new() { ["Ingestion:SettleTime"] = "00:10:00" });
        folder.Drop("fresh.txt", TestReports.SupplyChain);

        var passes = await host.DrainAsync(maxPasses: 3);

        Assert.All(passes, p => Assert.Equal(0, p.Processed));
        Assert.Equal(["fresh.txt"], TestFolder.FilesIn(folder.Inbox));
    }

    [Fact]
    public async Task No_more_reports_are_in_flight_than_the_concurrency_allows()
    {
        using var folder = new TestFolder();
        var reports = Core.Samples.SyntheticReports.Generate(8, seed: 5);
        foreach (var report in reports)
        {
            folder.Drop(report.FileName, report.Content);
        }
        await using var host = await IngestionHost.StartAsync(folder, new() { ["Ingestion:MaxConcurrency"] = "3" }, flaky: true);
        host.Flaky!.ApplyDelay = TimeSpan.FromMilliseconds(60);

        await host.DrainAsync();

        Assert.Equal(8, TestFolder.FilesIn(folder.Processed).Count);
        Assert.InRange(host.Flaky.MaxConcurrentApplies, 2, 3);
    }

    private static async Task<int> DeadProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        await process.WaitForExitAsync(IngestionHost.Ct);
        return process.Id;
    }
}
