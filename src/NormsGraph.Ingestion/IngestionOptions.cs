namespace NormsGraph.Ingestion;

/// <summary>Settings of the ingestion service (section <c>Ingestion</c>); checked at start by <see cref="IngestionOptionsValidator"/>.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Run the inbox watcher in this process.</summary>
    public bool Enabled { get; set; } = true;

    public string Inbox { get; set; } = "data/inbox";
    public string Processed { get; set; } = "data/processed";
    public string Failed { get; set; } = "data/failed";

    /// <summary>
    /// Where workers move a file before reading it, one sub-folder per worker. It must be on the same
    /// volume as the inbox: only a rename within one volume is atomic, and the claim relies on that.
    /// </summary>
    public string Claimed { get; set; } = "data/claimed";

    /// <summary>Name of this worker's claim folder; empty means machine name and process id.</summary>
    public string? WorkerId { get; set; }

    /// <summary>Claims of a worker whose claim folder has not been touched for this long are taken back into the inbox.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Reports larger than this are refused (bytes of the file or characters of submitted text).</summary>
    public int MaxReportBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>How often the inbox is rescanned; the file watcher only makes the next scan sooner.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A file is picked up once it has not been written to for this long and two scans saw the same
    /// size and write time (it may still be copying).
    /// </summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a filed file (processed or failed) is watched for a writer still at it; one that changes goes back to
    /// the inbox and is ingested again whole. Zero turns the watch off.
    /// </summary>
    public TimeSpan FiledWatchTime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Reports read and extracted at once; store writes are one transaction each.</summary>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Ingest the bundled sample reports when the store is empty at start.</summary>
    public bool SeedSamples { get; set; } = true;

    /// <summary>Folder of the sample reports; relative paths are tried from the working folder and its parents.</summary>
    public string SamplesPath { get; set; } = "samples/reports";

    /// <summary>How many store attempts a report gets before it waits for the next pass.</summary>
    public int StoreRetries { get; set; } = 4;

    /// <summary>First delay between store attempts; later ones grow exponentially, with jitter.</summary>
    public TimeSpan StoreRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
