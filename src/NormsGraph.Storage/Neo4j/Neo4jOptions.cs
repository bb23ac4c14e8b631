namespace NormsGraph.Storage.Neo4j;

/// <summary>Settings of the Neo4j store (section <c>Neo4j</c>), used when <c>Store:Provider</c> is <c>Neo4j</c>.</summary>
public sealed class Neo4jOptions
{
    public const string SectionName = "Neo4j";

    /// <summary>The server's HTTP endpoint (the Query API), e.g. <c>http://localhost:7474</c>; not a bolt address.</summary>
    public Uri? Uri { get; set; }

    public string User { get; set; } = "neo4j";

    public string Password { get; set; } = "";

    public string Database { get; set; } = "neo4j";

    /// <summary>
    /// Retries of a request that failed transiently (deadlock, lock acquisition timeout, lost transaction,
    /// unavailable server, dropped connection, attempt timeout) before the store reports itself unavailable.
    /// With the default delays the budget is about 6 s of waiting (see docs/neo4j.md), within <see cref="TotalTimeout"/>.
    /// </summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First delay between retries; later ones grow exponentially, with jitter, up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two retries.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Writes (one request each: a report, a curation change, the taxonomy) this process has in flight at
    /// once; more wait their turn. Reads are not limited. Several writers on the same norms and actors queue
    /// on the same locks in Neo4j, so a few per process keep the server busy without piling up lock waits.
    /// </summary>
    public int MaxConcurrentWrites { get; set; } = 4;

    /// <summary>
    /// How long one HTTP request may take. Keep it above the server's <c>db.lock.acquisition.timeout</c> and
    /// <c>db.transaction.timeout</c> (compose sets 10 s and 20 s), so the server ends a stuck statement and
    /// frees its locks before the client gives up on it.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request may take with all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Share of transient failures in the sampling window that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Requests the window must hold before the circuit may open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails requests at once before letting one through to test the server.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
