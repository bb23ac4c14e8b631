using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Storage;
using NormsGraph.Ingestion.Pipeline;

namespace NormsGraph.Ingestion.Inbox;

/// <summary>
/// Watches the inbox and feeds each settled file through the pipeline. Before reading a file the worker
/// claims it (a rename into its own claim folder), so several workers can share one inbox. A file leaves
/// the claim folder only once its outcome is durable: to processed/ after the store committed, to failed/
/// with its reason beside it, or back to the inbox when the store stayed unavailable. Claims left behind
/// by a killed worker go back to the inbox at the next start, or after the claim timeout when another
/// worker finds them, so nothing is lost; the store being idempotent, nothing is doubled either.
/// </summary>
internal sealed class InboxWorker(
    ReportPipeline pipeline,
    InboxFolders folders,
    IOptions<IngestionOptions> options,
    IngestionState state,
    IngestionMetrics metrics,
    TimeProvider clock,
    ILogger<InboxWorker> logger) : BackgroundService
{
    // A file that keeps failing for reasons the pipeline does not know is moved to failed/ rather than retried forever.
    private const int UnexpectedFailuresBeforeGivingUp = 3;

    // Watcher events come in bursts while a folder is copied; a short pause gathers them into one pass.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(100);

    private readonly IngestionOptions _options = options.Value;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SettleTracker _settle = new(options.Value.SettleTime);
    private readonly ConcurrentDictionary<string, int> _unexpected = new(StringComparer.Ordinal);
    private readonly FiledFiles _filed = new(options.Value.FiledWatchTime);
    private readonly HashSet<string> _linksReported = new(StringComparer.Ordinal);
    private readonly HashSet<string> _heldUp = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unreadableNames = new(StringComparer.Ordinal);
    private FileSystemWatcher? _watcher;
    private bool _watchTried;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        state.Started(folders.WorkerId);
        Log.Watching(logger, folders.Inbox, folders.WorkerId);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var settling = false;
                try
                {
                    folders.EnsureExist();
                    Watch();
                    settling = (await RunPassAsync(stoppingToken)).Settling > 0;
                    state.PassCompleted(clock.GetUtcNow());
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // An unreadable folder or a full disk must not stop the host (the API may be running beside it).
                    Log.PassFailed(logger, e);
                    state.Failed(e.Message, clock.GetUtcNow());
                }
                await WaitForNextPassAsync(settling, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            state.Stopped();
            folders.TidyOwnFolder(includeRoot: true);
        }
    }

    /// <summary>One pass: take back stale claims, then claim and ingest every settled inbox file, oldest first.</summary>
    internal async Task<PassSummary> RunPassAsync(CancellationToken cancellationToken)
    {
        folders.Heartbeat();
        var recovered = await RecoverAsync(cancellationToken);
        RefileRewritten();
        var ready = _settle.Settled(folders.Waiting(ReportLinkedFolder, ReportUnreadableName), clock.GetUtcNow(), out var settling)
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.FullName, StringComparer.Ordinal)
            .ToList();
        var tally = new int[Enum.GetValues<FileOutcome>().Length];
        var storeDown = 0;
        await Parallel.ForEachAsync(ready,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
            async (file, ct) =>
            {
                // Once the store has failed a whole retry budget, the rest of the pass stays in the inbox untouched.
                if (Volatile.Read(ref storeDown) != 0)
                {
                    return;
                }
                var outcome = folders.TryClaim(file, out var claim) ? await ProcessClaimAsync(claim, ct) : FileOutcome.Skipped;
                if (outcome == FileOutcome.Requeued)
                {
                    Volatile.Write(ref storeDown, 1);
                }
                Interlocked.Increment(ref tally[(int)outcome]);
            });
        return new PassSummary(recovered, tally[(int)FileOutcome.Processed], tally[(int)FileOutcome.Failed],
            tally[(int)FileOutcome.Requeued], tally[(int)FileOutcome.Retry], settling + tally[(int)FileOutcome.StillBeingWritten]);
    }

    // Between passes nothing is in flight, so every file in this worker's claim folder is a leftover: of a
    // previous run under the same id, of a release that met a newer file, or adopted from a dead worker.
    private async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var folder in folders.AbandonedClaimFolders())
        {
            var adopted = folders.Adopt(folder);
            if (adopted > 0)
            {
                Log.ClaimsRecovered(logger, adopted, Path.GetFileName(folder));
            }
        }
        var released = 0;
        foreach (var claim in folders.OwnClaims())
        {
            switch (folders.Release(claim))
            {
                case ReleaseOutcome.Released or ReleaseOutcome.Duplicate:
                    released++;
                    break;
                case ReleaseOutcome.Conflict:
                    // The claimed file is the older version (the name was free when it was claimed); it must
                    // reach the store before the newer one waiting in the inbox.
                    Log.OlderVersionFirst(logger, claim.Source);
                    await ProcessClaimAsync(claim, cancellationToken);
                    break;
            }
        }
        if (released > 0)
        {
            Log.ClaimsReleased(logger, released);
        }
        folders.TidyOwnFolder(includeRoot: false);
        return released;
    }

    // A filed file that a writer went on writing to goes back to the inbox (see FiledFiles); while a file of that name
    // waits there, it stays filed and watched, and goes back on a later pass.
    private void RefileRewritten()
    {
        foreach (var filed in _filed.Rewritten(clock.GetUtcNow()))
        {
            try
            {
                if (folders.Unfile(filed))
                {
                    _filed.Returned(filed);
                    _heldUp.Remove(filed.Path);
                    Log.WrittenAfterFiling(logger, filed.Source);
                }
                else if (_heldUp.Add(filed.Path))
                {
                    Log.WrittenAfterFilingHeldUp(logger, filed.Source);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.Unexpected(logger, e, filed.Source, 1);
            }
        }
    }

    // Once per name, as links are: the inbox is walked on every pass.
    private void ReportUnreadableName(string source)
    {
        if (_unreadableNames.Add(source))
        {
            Log.UnreadableName(logger, source);
            state.Failed($"'{source}' in the inbox has a name that is not UTF-8, so it cannot be read; rename it (convmv, or where it was made).",
                clock.GetUtcNow());
        }
    }

    // Once per link: the inbox is walked on every pass.
    private void ReportLinkedFolder(string link)
    {
        if (_linksReported.Add(link))
        {
            Log.LinkedFolder(logger, link);
        }
    }

    private async Task<FileOutcome> ProcessClaimAsync(Claim claim, CancellationToken cancellationToken)
    {
        IngestionResult result;
        var read = Stamp(claim.Path);
        try
        {
            result = await pipeline.IngestFileAsync(claim.Path, claim.Source, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            Log.Requeued(logger, e, claim.Source);
            metrics.Requeued();
            state.Failed(e.Message, clock.GetUtcNow());
            GiveBack(claim);
            return FileOutcome.Requeued;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: hand the file straight back instead of leaving it to claim recovery.
            GiveBack(claim);
            throw;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException && !File.Exists(claim.Path))
        {
            Log.ClaimLost(logger, claim.Source);
            return FileOutcome.Lost;
        }
        catch (Exception e)
        {
            return GiveBackOrGiveUp(claim, e);
        }

        try
        {
            // Settling only guesses that a writer is done: one that pauses longer than the settle time has its file claimed
            // half written, and on Linux it goes on writing into the claimed file. Filed as processed, the rest was lost.
            if (read is not null && Stamp(claim.Path) is { } after && after != read)
            {
                Log.StillBeingWritten(logger, claim.Source);
                GiveBack(claim);
                return FileOutcome.StillBeingWritten;
            }
            if (result.Succeeded)
            {
                _filed.Add(folders.MoveToProcessed(claim), claim.Source, failed: false, clock.GetUtcNow());
                _unexpected.TryRemove(claim.Source, out _);
                return FileOutcome.Processed;
            }
            _filed.Add(folders.MoveToFailed(claim, result.Errors), claim.Source, failed: true, clock.GetUtcNow());
            return FileOutcome.Failed;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException && !File.Exists(claim.Path))
        {
            // Taken back as stale while this worker was busy; the store is idempotent, so the other worker finishes it.
            Log.ClaimLost(logger, claim.Source);
            return FileOutcome.Lost;
        }
        catch (Exception e)
        {
            // The outcome is in the store (or refused) but the file could not move; it stays claimed and the
            // next pass hands it back, which re-applies it as unchanged.
            Log.Unexpected(logger, e, claim.Source, 1);
            state.Failed(e.Message, clock.GetUtcNow());
            return FileOutcome.Retry;
        }
        finally
        {
            folders.Heartbeat();
        }
    }

    private FileOutcome GiveBackOrGiveUp(Claim claim, Exception error)
    {
        var attempts = _unexpected.AddOrUpdate(claim.Source, 1, (_, n) => n + 1);
        state.Failed(error.Message, clock.GetUtcNow());
        if (attempts < UnexpectedFailuresBeforeGivingUp)
        {
            Log.Unexpected(logger, error, claim.Source, attempts);
            GiveBack(claim);
            return FileOutcome.Retry;
        }
        _unexpected.TryRemove(claim.Source, out _);
        Log.GaveUp(logger, claim.Source, attempts);
        metrics.Refused("ingest", "UNEXPECTED_ERROR");
        folders.MoveToFailed(claim, [new IngestionError("UNEXPECTED_ERROR", error.Message, "ingest")]);
        return FileOutcome.Failed;
    }

    // Size and last write time, or null when the file is gone.
    private static (long Length, DateTime WrittenAt)? Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.Length, file.LastWriteTimeUtc) : null;
    }

    private void GiveBack(Claim claim)
    {
        try
        {
            // On a clash with a newer file the claim simply stays; the next pass's recovery processes it first.
            folders.Release(claim);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Unexpected(logger, e, claim.Source, 1);
        }
    }

    private void Watch()
    {
        if (_watchTried)
        {
            return;
        }
        _watchTried = true;
        try
        {
            _watcher = new FileSystemWatcher(folders.Inbox) { IncludeSubdirectories = true };
            _watcher.Created += (_, _) => Wake();
            _watcher.Renamed += (_, _) => Wake();
            _watcher.Changed += (_, _) => Wake();
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or ArgumentException)
        {
            // Typically the inotify watch limit; the periodic rescan alone still finds every file.
            Log.NoWatcher(logger, folders.Inbox, e.Message, _options.PollInterval);
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    private async Task WaitForNextPassAsync(bool settling, CancellationToken cancellationToken)
    {
        // Files still settling are looked at again as soon as they may have settled, not a whole poll interval later.
        var wait = settling ? Min(_options.PollInterval, Max(_options.SettleTime, Gather)) : _options.PollInterval;
        if (await _wake.WaitAsync(wait, cancellationToken))
        {
            await Task.Delay(Min(Gather, _options.PollInterval), clock, cancellationToken);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

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
        catch (ObjectDisposedException)
        {
            // an event raced the shutdown
        }
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        _wake.Dispose();
        base.Dispose();
    }
}
