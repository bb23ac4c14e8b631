using NormsGraph.Core.Storage;
using NormsGraph.Ingestion.Pipeline;

namespace NormsGraph.Cli.Batch;

/// <summary>The outcome of one report of a batch, with the count of positions found or the reason it failed.</summary>
internal sealed record BatchItemResult(string Source, BatchStatus Status, int Positions = 0, string? Detail = null)
{
    public static BatchItemResult From(string source, IngestionResult result) => result.Applied is { } applied
        ? new BatchItemResult(source, applied.Outcome switch
        {
            ApplyOutcome.Ingested => BatchStatus.Ingested,
            ApplyOutcome.Replaced => BatchStatus.Replaced,
            _ => BatchStatus.Unchanged,
        }, applied.Positions)
        : new BatchItemResult(source, BatchStatus.Failed, Detail: string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Message}")));
}
