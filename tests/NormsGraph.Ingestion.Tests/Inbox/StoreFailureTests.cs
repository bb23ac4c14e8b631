using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NormsGraph.Ingestion.Tests.Inbox;

/// <summary>A store that fails for a while delays reports but never loses them or marks them failed.</summary>
public sealed class StoreFailureTests
{
    [Fact]
    public async Task A_store_that_fails_twice_then_recovers_gets_the_report_once_within_the_retry_budget()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder, flaky: true);
        host.Flaky!.FailuresLeft = 2;
        folder.Drop("report.txt", TestReports.SupplyChain);

        var passes = await host.DrainAsync();

        Assert.Equal(1, passes.Sum(p => p.Processed));
        Assert.Equal(0, passes.Sum(p => p.Requeued));
        Assert.Equal(3, host.Flaky.ApplyCalls);
        Assert.Equal(1, host.Flaky.Committed);
        Assert.Equal(["report.txt"], TestFolder.FilesIn(folder.Processed));
        Assert.Equal(1, (await host.Store.GetStatisticsAsync(IngestionHost.Ct)).Reports);
    }

    [Fact]
    public async Task A_store_down_for_longer_than_the_budget_leaves_the_file_in_the_inbox_for_a_later_pass()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder, flaky: true);
        host.Flaky!.Down = true;
        folder.Drop("report.txt", TestReports.SupplyChain);
        folder.Drop("other.txt", TestReports.CriticalInfrastructure);

        var passes = await host.DrainAsync(maxPasses: 3);

        // The first file spends the budget (3 attempts); the pass then leaves the rest alone.
        Assert.True(passes.Sum(p => p.Requeued) >= 1);
        Assert.Equal(["other.txt", "report.txt"], TestFolder.FilesIn(folder.Inbox));
        Assert.Empty(TestFolder.FilesIn(folder.Failed));
        Assert.Empty(TestFolder.FilesIn(folder.Processed));
        Assert.Empty(TestFolder.FilesIn(folder.Claimed));

        host.Flaky.Down = false;
        await host.DrainAsync();

        Assert.Equal(["other.txt", "report.txt"], TestFolder.FilesIn(folder.Processed));
        Assert.Equal(2, (await host.Store.GetStatisticsAsync(IngestionHost.Ct)).Reports);
    }

    [Fact]
    public async Task The_running_worker_survives_a_dead_store_reports_it_in_readiness_and_catches_up_when_it_returns()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder, flaky: true, runWorker: true);
        var health = host.Services.GetRequiredService<HealthCheckService>();
        host.Flaky!.Down = true;
        folder.Drop("report.txt", TestReports.SupplyChain);

        await Eventually(() => host.Flaky.ApplyCalls >= 6, "the worker kept trying over several passes");
        var degraded = await health.CheckHealthAsync(c => c.Name == "ingestion", IngestionHost.Ct);
        var state = host.Services.GetRequiredService<IngestionState>();

        Assert.True(state.Running);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains("unavailable", (string)degraded.Entries["ingestion"].Data["lastError"], StringComparison.OrdinalIgnoreCase);
        Assert.Empty(TestFolder.FilesIn(folder.Failed));

        host.Flaky.Down = false;
        await Eventually(() => TestFolder.FilesIn(folder.Processed).Count == 1, "the report was ingested once the store came back");
        Assert.True(state.Running);
        Assert.Empty(TestFolder.FilesIn(folder.Inbox));
        Assert.Empty(TestFolder.FilesIn(folder.Claimed));
    }

    [Fact]
    public async Task Stopping_the_worker_mid_report_hands_the_file_straight_back_to_the_inbox()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder, flaky: true, runWorker: true);
        host.Flaky!.ApplyDelay = TimeSpan.FromMinutes(5);
        folder.Drop("slow.txt", TestReports.SupplyChain);
        await Eventually(() => host.Flaky.ApplyCalls == 1, "the report reached the store");
        Assert.Equal([$"{IngestionHost.WorkerId}/slow.txt"], TestFolder.FilesIn(folder.Claimed));

        await host.DisposeAsync();

        Assert.Equal(["slow.txt"], TestFolder.FilesIn(folder.Inbox));
        Assert.Empty(TestFolder.FilesIn(folder.Claimed));
        Assert.False(Directory.Exists(Path.Combine(folder.Claimed, IngestionHost.WorkerId)), "the worker removes its empty claim folder");
    }

    internal static async Task Eventually(Func<bool> condition, string what, int timeoutSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(20, IngestionHost.Ct);
        }
    }
}
