using NormsGraph.Core.Extraction;
using NormsGraph.Core.Reading;
using NormsGraph.Core.Samples;
using NormsGraph.Core.Storage;
using NormsGraph.Core.Taxonomy;
using NormsGraph.Storage.Embedded;

namespace NormsGraph.Ingestion.Tests.Worker;

/// <summary>
/// kill -9 in the middle of a batch, then a restart: every report ends in the graph once, with exactly the
/// statements extraction gives it, and every file ends in processed/ once.
/// </summary>
public sealed class WorkerCrashTests
{
    private const int Reports = 300;

    [Fact]
    public async Task A_worker_killed_mid_batch_and_restarted_loses_no_report_and_duplicates_none()
    {
        using var folder = new TestFolder();
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Store__Embedded__Path"] = folder.StorePath,
            ["Ingestion__Inbox"] = folder.Inbox,
            ["Ingestion__Processed"] = folder.Processed,
            ["Ingestion__Failed"] = folder.Failed,
            ["Ingestion__Claimed"] = folder.Claimed,
            ["Ingestion__PollInterval"] = "00:00:00.200",
            ["Ingestion__SettleTime"] = "00:00:00.100",
            // One at a time keeps the batch long enough to be caught in the middle.
            ["Ingestion__MaxConcurrency"] = "1",
            ["Ingestion__SeedSamples"] = "false",
        };
        var staging = Path.Combine(folder.Root, "staging");
        var generated = SyntheticReports.WriteTo(staging, Reports, seed: 42);
        Directory.CreateDirectory(folder.Inbox);
        foreach (var file in generated)
        {
            File.Move(file, Path.Combine(folder.Inbox, Path.GetFileName(file)));
        }
        var names = generated.Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();

        // A different moment each run: between two files, mid-extraction or mid-transaction.
        var killAfter = Random.Shared.Next(10, Reports / 2);
        int processedAtKill;
        using (var first = WorkerProcess.Start(environment))
        {
            await WaitAsync(() => TestFolder.FilesIn(folder.Processed).Count >= killAfter, first, "the first worker processed some reports");
            await first.KillAsync();
            processedAtKill = TestFolder.FilesIn(folder.Processed).Count;
        }
        Assert.InRange(processedAtKill, killAfter, Reports - 1);

        using (var second = WorkerProcess.Start(environment))
        {
            await WaitAsync(() => TestFolder.FilesIn(folder.Inbox).Count == 0 && TestFolder.FilesIn(folder.Claimed).Count == 0
                && TestFolder.FilesIn(folder.Processed).Count >= Reports, second, "the restarted worker emptied the inbox and its claims");
            await second.KillAsync();
        }

        Assert.Equal(names, TestFolder.FilesIn(folder.Processed));
        Assert.Empty(TestFolder.FilesIn(folder.Failed));

        // What the graph must hold: the extraction of every file, once.
        var extractor = new ReportExtractor(TaxonomyLoader.LoadEmbedded());
        var expected = names.Select(name => extractor.Extract(
            ReportReader.Read(ReportDecoder.Decode(File.ReadAllBytes(Path.Combine(folder.Processed, name))), name), name)).ToList();
        using var store = new EmbeddedGraphStore(folder.StorePath);
        var statistics = await store.GetStatisticsAsync(IngestionHost.Ct);
        var statements = await AllStatementIdsAsync(store);
        var reportIds = new List<string>();
        await foreach (var report in store.ReadReportsAsync(IngestionHost.Ct))
        {
            reportIds.Add(report.Id);
        }

        Assert.Equal(expected.Select(g => g.Report.Id).Distinct().Count(), statistics.Reports);
        Assert.Equal(expected.Select(g => g.Report.Id).Order(StringComparer.Ordinal), reportIds.Order(StringComparer.Ordinal));
        Assert.Equal(statements.Count, statements.Distinct().Count());
        Assert.Equal(expected.SelectMany(g => g.Positions).Select(p => p.Id).Distinct().Order(StringComparer.Ordinal),
            statements.Order(StringComparer.Ordinal));
        Assert.Equal(statistics.Statements, statements.Count);
    }

    private static async Task<List<string>> AllStatementIdsAsync(EmbeddedGraphStore store)
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = await store.FindPositionsAsync(new PositionQuery(First: PositionQuery.MaxPageSize, After: after, IncludeRejected: true), IngestionHost.Ct);
            ids.AddRange(page.Items.Select(p => p.Id));
            after = page.HasNextPage ? new PositionCursor(PositionCursor.SortKey(page.Items[^1].Date), page.Items[^1].Id).Encode() : null;
        }
        while (after is not null);
        return ids;
    }

    private static async Task WaitAsync(Func<bool> condition, WorkerProcess worker, string what, int timeoutSeconds = 40)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            Assert.False(worker.HasExited, $"The worker exited before {what}:\n{worker.Output}");
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}:\n{worker.Output}");
            await Task.Delay(5, IngestionHost.Ct);
        }
    }
}
