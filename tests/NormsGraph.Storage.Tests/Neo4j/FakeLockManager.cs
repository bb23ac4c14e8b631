namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// Exclusive locks held until a transaction ends, as Neo4j's lock manager holds them: a request waits for a
/// lock another holds, fails with DeadlockDetected when its wait would close a circle of waiting
/// transactions, and with LockAcquisitionTimeout once it waited longer than the configured timeout
/// (<c>db.lock.acquisition.timeout</c>). Real deadlocks found this way are counted apart from injected ones.
/// </summary>
internal sealed class FakeLockManager(TimeSpan timeout)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _owners = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _waitingFor = [];
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _deadlocks;
    private int _timeouts;
    private int _waits;

    public int DeadlocksDetected => Volatile.Read(ref _deadlocks);

    public int TimeoutsReached => Volatile.Read(ref _timeouts);

    /// <summary>How many lock requests found the lock held by another transaction and had to wait.</summary>
    public int Waits => Volatile.Read(ref _waits);

    public async Task AcquireAsync(long transaction, string key, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var waited = false;
        while (true)
        {
            Task released;
            lock (_gate)
            {
                if (!_owners.TryGetValue(key, out var holder) || holder == transaction)
                {
                    _owners[key] = transaction;
                    _waitingFor.Remove(transaction);
                    return;
                }
                _waitingFor[transaction] = key;
                if (!waited)
                {
                    waited = true;
                    Interlocked.Increment(ref _waits);
                }
                if (ClosesCircle(transaction))
                {
                    _waitingFor.Remove(transaction);
                    Interlocked.Increment(ref _deadlocks);
                    throw new FakeNeo4jError("Neo.TransientError.Transaction.DeadlockDetected",
                        $"Transaction {transaction} waiting for {key} would deadlock.");
                }
                released = _released.Task;
            }
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero || await Task.WhenAny(released, Task.Delay(remaining, cancellationToken)) != released)
            {
                lock (_gate)
                {
                    _waitingFor.Remove(transaction);
                }
                cancellationToken.ThrowIfCancellationRequested();
                Interlocked.Increment(ref _timeouts);
                throw new FakeNeo4jError("Neo.TransientError.Transaction.LockAcquisitionTimeout",
                    $"Unable to acquire lock on {key} within {timeout.TotalMilliseconds} ms.");
            }
        }
    }

    public void ReleaseAll(long transaction)
    {
        TaskCompletionSource released;
        lock (_gate)
        {
            foreach (var key in _owners.Where(o => o.Value == transaction).Select(o => o.Key).ToList())
            {
                _owners.Remove(key);
            }
            _waitingFor.Remove(transaction);
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        released.TrySetResult();
    }

    // Follows "waits for a lock held by" from this transaction; coming back to it is a deadlock.
    private bool ClosesCircle(long transaction)
    {
        var seen = new HashSet<long>();
        var current = transaction;
        while (_waitingFor.TryGetValue(current, out var key) && _owners.TryGetValue(key, out var holder))
        {
            if (holder == transaction)
            {
                return true;
            }
            if (!seen.Add(holder))
            {
                return false;
            }
            current = holder;
        }
        return false;
    }
}
