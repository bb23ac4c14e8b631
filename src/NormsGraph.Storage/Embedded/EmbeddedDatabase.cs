using Microsoft.Data.Sqlite;
using NormsGraph.Core.Storage;
using SQLitePCL;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The SQLite file: opening pooled connections and running writes one at a time. Writes are serialised
/// in-process (SQLite has one writer anyway, and waiting on a semaphore is cheaper than on the busy
/// timeout); WAL mode lets reads run beside them, and the busy timeout covers other processes (the CLI). Reads run on
/// connections kept open with their prepared statements (<see cref="ReadConnectionPool"/>).
/// </summary>
internal sealed class EmbeddedDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ReadConnectionPool _reads;

    public EmbeddedDatabase(string path)
    {
        MultiThread = SqliteThreading.MultiThread;
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _reads = new ReadConnectionPool(OpenReadAsync);
    }

    public string Path { get; }

    /// <summary>Whether SQLite runs in multi-thread mode (<see cref="SqliteThreading"/>).</summary>
    public bool MultiThread { get; }

    /// <summary>Read connections opened so far; tests use it to see that reads share them.</summary>
    public int ReadConnectionsOpened => _reads.Opened;

    /// <summary>Runs <paramref name="read"/> on a pooled read connection whose prepared statements outlive the call.</summary>
    public Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken) =>
        _reads.ReadAsync(read, cancellationToken);

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new StoreUnavailableException($"Cannot open the embedded store at '{Path}': {e.Message}", e);
        }
        return connection;
    }

    /// <summary>
    /// A connection for the read pool, with SQLite's query planner stability guarantee on. Without it SQLite plans a
    /// query with the value bound to its <c>LIMIT</c> and marks the statement to be prepared again whenever that binding
    /// changes, and a rebinding counts as a change: every page query (positions, who, evidence, search, lists) was parsed
    /// and planned again on every execution although its command was kept (the store calls of <c>who</c> took 0.36 ms
    /// at 2,000 reports and 0.67 ms at 20,000 with it, 0.28 and 0.35 ms without). With the guarantee the plan does not
    /// look at bound values; every read query of the store has the same plan either way (EXPLAIN QUERY PLAN of the 233
    /// read statements the test suites run, on stores of 2,000 and 20,000 reports).
    /// </summary>
    private async Task<SqliteConnection> OpenReadAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        raw.sqlite3_db_config(connection.Handle, raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out _);
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            throw new StoreUnavailableException("The embedded store is busy; another process holds the write lock.", e);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _reads.Dispose();
        _writeLock.Dispose();
    }
}
