using Microsoft.Data.Sqlite;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Read connections kept open between reads, each with its <see cref="StatementCache"/>, so a request's queries run
/// on statements prepared by an earlier request. Microsoft.Data.Sqlite's own pool keeps the native connection but
/// finalises every statement when a connection is closed, which is why reads need their own pool to keep them.
/// A connection serves one read at a time; the most recently used is handed out first (its statements are the
/// warmest); a read that fails closes its connection rather than return one in an unknown state. Writes do not come
/// here: they run one at a time in a transaction on a connection of their own (<see cref="EmbeddedDatabase.WriteAsync{T}"/>).
/// </summary>
internal sealed class ReadConnectionPool(Func<CancellationToken, Task<SqliteConnection>> open) : IDisposable
{
    /// <summary>
    /// Idle connections kept. Reads are short and synchronous inside SQLite, so about one per busy thread is in use at a
    /// time; connections beyond this many close when their read ends.
    /// </summary>
    public const int MaxIdle = 16;

    private readonly Lock _gate = new();
    private readonly Stack<Lease> _idle = new();
    private bool _disposed;

    /// <summary>Connections opened so far (tests use it to see that reads share them).</summary>
    public int Opened { get; private set; }

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        var lease = Take() ?? await OpenAsync(cancellationToken);
        var healthy = false;
        try
        {
            var result = await read(lease.Connection);
            healthy = true;
            return result;
        }
        finally
        {
            Release(lease, healthy);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            while (_idle.TryPop(out var lease))
            {
                lease.Dispose();
            }
        }
    }

    private Lease? Take()
    {
        lock (_gate)
        {
            return _idle.TryPop(out var lease) ? lease : null;
        }
    }

    private async Task<Lease> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await open(cancellationToken);
        lock (_gate)
        {
            Opened++;
        }
        return new Lease(connection, StatementCache.Attach(connection));
    }

    private void Release(Lease lease, bool healthy)
    {
        lock (_gate)
        {
            if (healthy && !_disposed && _idle.Count < MaxIdle)
            {
                _idle.Push(lease);
                return;
            }
        }
        lease.Dispose();
    }

    private sealed record Lease(SqliteConnection Connection, StatementCache Statements) : IDisposable
    {
        public void Dispose()
        {
            Statements.Dispose();
            Connection.Dispose();
        }
    }
}
