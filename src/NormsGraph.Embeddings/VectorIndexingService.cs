using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Storage;

namespace NormsGraph.Embeddings;

/// <summary>
/// Keeps the stored evidence vectors complete in a long-running host: statements ingested by the inbox worker,
/// by <c>submitReport</c> or by another process get their vector within one interval.
/// </summary>
internal sealed class VectorIndexingService(StatementVectorIndexer indexer, IOptions<MatchingOptions> options,
    ILogger<VectorIndexingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Semantic || options.Value.IndexInterval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.IndexInterval);
        do
        {
            try
            {
                var stored = await indexer.IndexPendingAsync(stoppingToken);
                if (stored > 0)
                {
                    Log.VectorsIndexed(logger, stored);
                }
            }
            catch (StoreUnavailableException e)
            {
                Log.VectorsNotIndexed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
