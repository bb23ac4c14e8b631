namespace NormsGraph.Cli.Batch;

/// <summary>What became of one report of a batch.</summary>
internal enum BatchStatus
{
    Ingested,
    Replaced,
    Unchanged,

    /// <summary>Refused by validation, reading or extraction; the detail says why.</summary>
    Failed,

    /// <summary>The store stayed unavailable; nothing was written for it and it can simply be run again.</summary>
    NotStored,
}
