namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// How often the imitation makes a write fail on purpose, with a fixed seed so a run can be repeated, and how
/// many of each it injected: a deadlock after some locks are held, a transaction the server lost before it
/// ran, a lock wait that timed out, and a commit that lands but whose answer never reaches the client.
/// </summary>
internal sealed class FakeFaults(int seed = 13)
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private int _deadlocks;
    private int _lostTransactions;
    private int _lockTimeouts;
    private int _lostAnswers;

    public double Deadlock { get; init; }
    public double TransactionNotFound { get; init; }
    public double LockTimeout { get; init; }
    public double LostAnswer { get; init; }

    /// <summary>The longest time a write holds its locks (a random share of it each time), so writers meet.</summary>
    public TimeSpan MaxHold { get; init; }

    public int DeadlocksInjected => Volatile.Read(ref _deadlocks);
    public int LostTransactionsInjected => Volatile.Read(ref _lostTransactions);
    public int LockTimeoutsInjected => Volatile.Read(ref _lockTimeouts);
    public int LostAnswersInjected => Volatile.Read(ref _lostAnswers);

    public void BeforeStart()
    {
        if (Roll(TransactionNotFound))
        {
            Interlocked.Increment(ref _lostTransactions);
            throw new FakeNeo4jError("Neo.ClientError.Transaction.TransactionNotFound", "Transaction not found (injected).");
        }
    }

    public void WhileLocked()
    {
        if (Roll(Deadlock))
        {
            Interlocked.Increment(ref _deadlocks);
            throw new FakeNeo4jError("Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient can't acquire ExclusiveLock (injected).");
        }
        if (Roll(LockTimeout))
        {
            Interlocked.Increment(ref _lockTimeouts);
            throw new FakeNeo4jError("Neo.TransientError.Transaction.LockAcquisitionTimeout", "Unable to acquire lock within configured timeout (injected).");
        }
    }

    public bool LoseAnswer()
    {
        if (!Roll(LostAnswer))
        {
            return false;
        }
        Interlocked.Increment(ref _lostAnswers);
        return true;
    }

    public TimeSpan Hold()
    {
        lock (_gate)
        {
            return MaxHold * _random.NextDouble();
        }
    }

    private bool Roll(double probability)
    {
        if (probability <= 0)
        {
            return false;
        }
        lock (_gate)
        {
            return _random.NextDouble() < probability;
        }
    }
}
