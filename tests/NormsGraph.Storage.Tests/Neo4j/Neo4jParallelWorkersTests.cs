using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NormsGraph.Core.Extraction;
using NormsGraph.Core.Taxonomy;
using NormsGraph.Ingestion;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// Several real inbox workers (the ingestion service as a host composes it, on Store:Provider=Neo4j) share one
/// inbox and write to the Query API imitation at once, while it injects deadlocks, lost transactions, lock
/// timeouts and commits whose answer is lost. Every report must end in processed/ exactly once, written once,
/// never answered as unchanged, with nothing in failed/.
/// </summary>
public sealed class Neo4jParallelWorkersTests : IAsyncLifetime
{
    private const int Workers = 4;
    private const int ReportCount = 500;

    // Sentences the extractor reads as positions; every report takes three, so reports share actors and norms
    // and their writes meet on the same locks.
    private static readonly string[] Sentences =
    [
        "Japan stressed that the integrity of the ICT supply chain has to be ensured.",
        "Kenya called for the protection of computer emergency response teams.",
        "Germany underlined that states must not damage critical infrastructure that provides services to the public.",
        "Canada called for respect for human rights online.",
        "Estonia stressed that electoral infrastructure must be protected from interference.",
        "Ghana welcomed capacity building that is demand-driven and sustainable.",
        "Brazil welcomed confidence-building measures such as a directory of points of contact.",
    ];

    private static readonly Lazy<ReportExtractor> SharedExtractor = new(() => new ReportExtractor(TaxonomyLoader.LoadEmbedded()));

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"normsgraph-neo4j-workers-{Guid.NewGuid():N}");
    private FakeQueryApi _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Inbox => Path.Combine(_root, "inbox");
    private string Processed => Path.Combine(_root, "processed");
    private string Failed => Path.Combine(_root, "failed");
    private string Claimed => Path.Combine(_root, "claimed");

    public async ValueTask InitializeAsync()
    {
        _server = await FakeQueryApi.StartAsync(Ct);
        Directory.CreateDirectory(Inbox);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Four_workers_ingest_500_reports_through_injected_deadlocks_lost_transactions_lock_timeouts_and_lost_answers()
    {
        var faults = new FakeFaults
        {
            Deadlock = 0.04,
            TransactionNotFound = 0.03,
            LockTimeout = 0.03,
            LostAnswer = 0.04,
            MaxHold = TimeSpan.FromMilliseconds(2),
        };
        var database = new FakeGraphDatabase(faults, lockTimeout: TimeSpan.FromSeconds(2));
        _server.Database = database;
        var names = new List<string>();
        for (var i = 0; i < ReportCount; i++)
        {
            var name = $"report-{i:D3}.txt";
            await File.WriteAllTextAsync(Path.Combine(Inbox, name), ReportText(i), Ct);
            names.Add(name);
        }

        var clock = Stopwatch.StartNew();
        var hosts = new List<IHost>();
        var started = TimeSpan.Zero;
        try
        {
            hosts.AddRange(Enumerable.Range(1, Workers).Select(w => Worker($"worker-{w}")));
            await Task.WhenAll(hosts.Select(h => h.StartAsync(Ct)));
            started = clock.Elapsed;
            while (Count(Processed) + Count(Failed) < ReportCount && clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(50, Ct);
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync(CancellationToken.None);
                host.Dispose();
            }
        }
        var elapsed = clock.Elapsed;

        Assert.Empty(Files(Failed));
        Assert.Equal(names, Files(Processed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Files(Inbox));
        Assert.Empty(Files(Claimed));
        // Each report was written exactly once, whatever the retries, and kept its statements.
        var commits = database.Commits;
        Assert.Equal(ReportCount, commits.Count);
        Assert.All(commits, c => Assert.Equal(1, c.Value));
        var statements = database.Statements.Values.ToList();
        Assert.All(database.Reports.Keys, id => Assert.Contains(statements, s => s.ReportId == id));
        Assert.All(statements, s => Assert.True(database.Reports.ContainsKey(s.ReportId), $"statement {s.Id} lost its report"));
        // A retried commit that had landed answered its own outcome, never "unchanged".
        Assert.DoesNotContain(database.Answered, a => a.Outcome != "ingested");
        // The faults did happen, and the writers' fixed lock order left no real deadlock for the imitation to find.
        Assert.True(faults.DeadlocksInjected > 0 && faults.LostTransactionsInjected > 0 && faults.LockTimeoutsInjected > 0
            && faults.LostAnswersInjected > 0,
            $"faults injected: {faults.DeadlocksInjected} deadlocks, {faults.LostTransactionsInjected} lost transactions, "
            + $"{faults.LockTimeoutsInjected} lock timeouts, {faults.LostAnswersInjected} lost answers");
        Assert.Equal(0, database.Locks.DeadlocksDetected);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{ReportCount} reports, {Workers} workers in {elapsed.TotalSeconds:F1} s ({started.TotalSeconds:F1} s to start them); {_server.Requests.Count} requests, at most "
            + $"{_server.MaxConcurrentRequests} at once; injected {faults.DeadlocksInjected} deadlocks, {faults.LostTransactionsInjected} lost "
            + $"transactions, {faults.LockTimeoutsInjected} lock timeouts, {faults.LostAnswersInjected} lost answers; {database.Locks.Waits} lock "
            + $"requests waited for another writer, {database.Locks.TimeoutsReached} of them timed out, real deadlocks {database.Locks.DeadlocksDetected}");
    }

    [Fact]
    public async Task The_imitation_detects_a_real_deadlock_when_two_writers_lock_in_opposite_orders()
    {
        var locks = new FakeLockManager(TimeSpan.FromSeconds(5));
        await locks.AcquireAsync(1, "Actor:chl", Ct);
        await locks.AcquireAsync(2, "Actor:jpn", Ct);

        var first = locks.AcquireAsync(1, "Actor:jpn", Ct); // waits for transaction 2
        var error = await Assert.ThrowsAsync<FakeNeo4jError>(() => locks.AcquireAsync(2, "Actor:chl", Ct));
        locks.ReleaseAll(2);
        await first;

        Assert.Equal("Neo.TransientError.Transaction.DeadlockDetected", error.Code);
        Assert.Equal(1, locks.DeadlocksDetected);
    }

    private IHost Worker(string id)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Neo4j",
            ["Neo4j:Uri"] = _server.Address.ToString(),
            ["Neo4j:Password"] = "test",
            ["Neo4j:MaxRetries"] = "8",
            ["Neo4j:RetryDelay"] = "00:00:00.002",
            ["Neo4j:RetryMaxDelay"] = "00:00:00.050",
            ["Neo4j:MaxConcurrentWrites"] = "3",
            ["Neo4j:AttemptTimeout"] = "00:00:10",
            ["Ingestion:Inbox"] = Inbox,
            ["Ingestion:Processed"] = Processed,
            ["Ingestion:Failed"] = Failed,
            ["Ingestion:Claimed"] = Claimed,
            ["Ingestion:WorkerId"] = id,
            ["Ingestion:SettleTime"] = "00:00:00",
            ["Ingestion:PollInterval"] = "00:00:00.050",
            ["Ingestion:MaxConcurrency"] = "4",
            ["Ingestion:StoreRetries"] = "3",
            ["Ingestion:StoreRetryDelay"] = "00:00:00.005",
            ["Ingestion:SeedSamples"] = "false",
        });
        builder.Services.AddMetrics();
        builder.Services.AddGraphStore(builder.Configuration);
        builder.Services.AddIngestion(builder.Configuration);
        // One extractor for the four hosts (it is immutable and thread-safe): building it per host is start-up
        // time the test does not measure. Registered last, so it wins.
        builder.Services.AddSingleton(SharedExtractor.Value);
        return builder.Build();
    }

    // A report in the layout of real event reports: its own title and date (so its own id and event), and
    // three of the shared sentences.
    private static string ReportText(int i)
    {
        var date = new DateOnly(2021, 1, 1).AddDays(i % 700).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        var picked = string.Join(' ', Sentences[i % Sentences.Length], Sentences[(i + 2) % Sentences.Length], Sentences[(i + 5) % Sentences.Length]);
        return $"Consultation {i} on responsible state behaviour in cyberspace\n\n{date} 10:00h - 12:00h\n\nEvent report\n\n{picked}\n\n"
            + "The moderator thanked the speakers and closed the session.\n";
    }

    private static int Count(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder, "*.txt").Length : 0;

    private static List<string> Files(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
}
