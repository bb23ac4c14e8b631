namespace NormsGraph.Cli.Batch;

/// <summary>Every outcome of a batch, in source order, and how long it took.</summary>
internal sealed record BatchReport(IReadOnlyList<BatchItemResult> Items, TimeSpan Elapsed)
{
    public int Count(BatchStatus status) => Items.Count(i => i.Status == status);

    public double PerSecond => Elapsed.TotalSeconds > 0 ? Items.Count / Elapsed.TotalSeconds : 0;

    /// <summary>0 when everything was stored or already there, 2 when reports were refused, 1 when the store was unavailable.</summary>
    public int ExitCode => Count(BatchStatus.NotStored) > 0 ? 1 : Count(BatchStatus.Failed) > 0 ? 2 : 0;
}
