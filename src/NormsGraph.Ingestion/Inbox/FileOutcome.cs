namespace NormsGraph.Ingestion.Inbox;

/// <summary>Where one inbox file ended up after a pass.</summary>
internal enum FileOutcome
{
    /// <summary>Not claimed: another worker took it, or an older file of that name goes first.</summary>
    Skipped,

    /// <summary>Committed to the store and moved to processed/.</summary>
    Processed,

    /// <summary>Refused and moved to failed/ with its reason.</summary>
    Failed,

    /// <summary>Handed back to the inbox because the store stayed unavailable for the whole retry budget.</summary>
    Requeued,

    /// <summary>An unexpected error; the file is handed back (or stays claimed) for a later pass.</summary>
    Retry,

    /// <summary>Taken back by another worker that thought this one gone; that worker finishes it.</summary>
    Lost,

    /// <summary>
    /// Changed while it was read: still being written by a writer that paused longer than the settle time. Handed back to
    /// the inbox to settle; the whole file, ingested later under the same source, replaces what was read.
    /// </summary>
    StillBeingWritten,
}
