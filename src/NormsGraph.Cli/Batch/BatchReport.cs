namespace NormsGraph.Cli.Batch;

/// <summary>Every outcome of a batch, in source order, how long it took, and whether a signal stopped it before the end.</summary>
internal sealed record BatchReport(IReadOnlyList<BatchItemResult> Items, TimeSpan Elapsed, int Total, bool Interrupted)
{
    /// <summary>Reports never started (or not finished) because the batch was interrupted.</summary>
    public int NotRun => Total - Items.Count;

    public int Count(BatchStatus status) => Items.Count(i => i.Status == status);

    public double PerSecond => Elapsed.TotalSeconds > 0 ? Items.Count / Elapsed.TotalSeconds : 0;

    /// <summary>
    /// 0 when everything was stored or already there, 2 when reports were refused, 1 when the store was unavailable,
    /// 130 when interrupted (the invocation says 143 when it was SIGTERM).
    /// </summary>
    public int ExitCode =>
        Interrupted ? CliExitCodes.Interrupted
        : Count(BatchStatus.NotStored) > 0 ? CliExitCodes.Failed
        : Count(BatchStatus.Failed) > 0 ? CliExitCodes.Refused
        : CliExitCodes.Success;
}
