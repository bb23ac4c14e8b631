using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Storage;
using NormsGraph.Ingestion.Pipeline;

namespace NormsGraph.Ingestion.Inbox;

/// <summary>
/// Watches the inbox folder and feeds each settled file through the pipeline. A file leaves the inbox
/// only after its outcome is durable: to processed/ after the store committed, to failed/ with its
/// reason beside it, or not at all while the store is unavailable (the next pass tries again).
/// </summary>
internal sealed class InboxWorker(
    ReportPipeline pipeline,
    IOptions<IngestionOptions> options,
    IngestionState state,
    TimeProvider clock,
    ILogger<InboxWorker> logger) : BackgroundService
{
    private readonly IngestionOptions _options = options.Value;
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folders = new InboxFolders(_options, clock);
        folders.EnsureExist();
        using var watcher = new FileSystemWatcher(folders.Inbox) { IncludeSubdirectories = true };
        watcher.Created += (_, _) => Wake();
        watcher.Renamed += (_, _) => Wake();
        watcher.Changed += (_, _) => Wake();
        watcher.EnableRaisingEvents = true;
        state.Started();
        Log.Watching(logger, folders.Inbox);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await PassAsync(folders, stoppingToken);
                    state.PassCompleted(clock.GetUtcNow());
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Log.PassFailed(logger, e);
                    state.Failed(e.Message, clock.GetUtcNow());
                }
                // The watcher only shortens the wait: it misses events, so the rescan is what guarantees pickup.
                await _wake.WaitAsync(_options.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            state.Stopped();
        }
    }

    /// <summary>One scan of the inbox; returns how many files left it.</summary>
    internal async Task<int> PassAsync(InboxFolders folders, CancellationToken cancellationToken)
    {
        var settledBefore = clock.GetUtcNow().UtcDateTime - _options.SettleTime;
        var files = folders.Waiting().Where(f => f.LastWriteTimeUtc <= settledBefore).ToList();
        var moved = 0;
        await Parallel.ForEachAsync(files,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrency), CancellationToken = cancellationToken },
            async (file, ct) =>
            {
                if (await ProcessAsync(folders, file, ct))
                {
                    Interlocked.Increment(ref moved);
                }
            });
        return moved;
    }

    private async Task<bool> ProcessAsync(InboxFolders folders, FileInfo file, CancellationToken cancellationToken)
    {
        var source = folders.SourceOf(file);
        try
        {
            if (!file.Exists)
            {
                return false; // taken by another worker or removed by the user since the scan
            }
            var (submission, error) = await ReportFileReader.ReadAsync(file, source, _options.MaxReportBytes, cancellationToken);
            var result = submission is null ? IngestionResult.Refused(error!) : await pipeline.IngestAsync(submission, cancellationToken);
            if (result.Succeeded)
            {
                folders.MoveToProcessed(file);
            }
            else
            {
                folders.MoveToFailed(file, result.Errors);
            }
            return true;
        }
        catch (StoreUnavailableException e)
        {
            Log.LeftInInbox(logger, e, source);
            state.Failed(e.Message, clock.GetUtcNow());
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.Unexpected(logger, e, source);
            state.Failed(e.Message, clock.GetUtcNow());
            return false;
        }
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // a wake-up is already pending
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
