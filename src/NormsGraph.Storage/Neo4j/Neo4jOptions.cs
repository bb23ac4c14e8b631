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

    /// <summary>Retries of a transient failure (per request, or per transaction for writes) before the store reports itself unavailable.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First delay between retries; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one HTTP request may take.</summary>
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
