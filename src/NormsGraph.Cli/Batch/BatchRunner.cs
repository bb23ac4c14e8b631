using System.Collections.Concurrent;
using System.Diagnostics;
using NormsGraph.Core.Storage;

namespace NormsGraph.Cli.Batch;

/// <summary>
/// Runs one unit of work per report with bounded concurrency: reading and extraction run in parallel,
/// store writes are one transaction each (the embedded store serialises them).
/// </summary>
internal static class BatchRunner
{
    public static async Task<BatchReport> RunAsync<T>(IReadOnlyList<T> items, int concurrency, Func<T, string> sourceOf,
        Func<T, CancellationToken, Task<BatchItemResult>> work, Action<BatchItemResult> completed, CancellationToken cancellationToken)
    {
        var results = new ConcurrentBag<BatchItemResult>();
        var started = Stopwatch.GetTimestamp();
        string? unavailable = null;
        var interrupted = false;
        try
        {
            await RunAllAsync();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C or SIGTERM: every report that completed is stored (one transaction each), the one in flight is not.
            interrupted = true;
        }
        return new BatchReport(results.OrderBy(r => r.Source, StringComparer.Ordinal).ToList(), Stopwatch.GetElapsedTime(started),
            items.Count, interrupted);

        Task RunAllAsync() => Parallel.ForEachAsync(items,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                BatchItemResult result;
                if (Volatile.Read(ref unavailable) is { } reason)
                {
                    // The store just failed a whole retry budget: spending one more on every other report would only delay the answer.
                    result = new BatchItemResult(sourceOf(item), BatchStatus.NotStored, Detail: "not attempted: " + reason);
                }
                else
                {
                    try
                    {
                        result = await work(item, ct);
                    }
                    catch (StoreUnavailableException e)
                    {
                        Volatile.Write(ref unavailable, e.Message);
                        result = new BatchItemResult(sourceOf(item), BatchStatus.NotStored, Detail: e.Message);
                    }
                }
                results.Add(result);
                completed(result);
            });
    }
}
