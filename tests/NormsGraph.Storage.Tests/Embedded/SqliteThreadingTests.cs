using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using NormsGraph.Storage.Embedded;

namespace NormsGraph.Storage.Tests.Embedded;

/// <summary>The store's connections run in SQLite's multi-thread mode (<see cref="SqliteThreading"/>).</summary>
public sealed class SqliteThreadingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "normsgraph-tests", Guid.NewGuid().ToString("N"));
    private readonly EmbeddedDatabase _database;

    public SqliteThreadingTests() => _database = new EmbeddedDatabase(Path.Combine(_folder, "threading.db"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Some tests open connections of their own, and the mode is chosen only before SQLite's first connection, so the
    /// test process chooses it first, as a host does by opening its store before anything else.
    /// </summary>
    [ModuleInitializer]
    internal static void ChooseModeBeforeAnyTest() => _ = SqliteThreading.MultiThread;

    [Fact]
    public async Task Read_and_write_connections_have_no_connection_mutex()
    {
        var read = await _database.ReadAsync(c => Task.FromResult(sqlite3_db_mutex(c.Handle!.DangerousGetHandle())), Ct);
        var write = await _database.WriteAsync((c, _) => Task.FromResult(sqlite3_db_mutex(c.Handle!.DangerousGetHandle())), Ct);

        Assert.True(_database.MultiThread);
        // SQLite gives a connection no mutex in multi-thread mode, and one in serialized mode.
        Assert.Equal((IntPtr.Zero, IntPtr.Zero), (read, write));
    }

    public void Dispose()
    {
        _database.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    // DllImport: LibraryImport needs unsafe code in the test project for one call.
#pragma warning disable SYSLIB1054
    [DllImport("e_sqlite3")]
    private static extern IntPtr sqlite3_db_mutex(IntPtr connection);
#pragma warning restore SYSLIB1054
}
