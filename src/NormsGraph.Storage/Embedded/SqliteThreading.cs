using SQLitePCL;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// SQLite's threading mode for the process, chosen once before its first connection opens. The bundled SQLite is built
/// serialized: every call on a connection or statement (each column of each row read) takes and releases the
/// connection's mutex, which cost 30–40 µs of CPU per "who" request under load. The store never needs it: ADO.NET
/// connections are not shared between threads, a read connection serves one caller at a time
/// (<see cref="ReadConnectionPool"/>), a write runs on a connection of its own under the write lock, and every command
/// and reader is disposed by its user, never left to the GC (whose finalizer thread would finalise the statement while
/// its connection may be running a query elsewhere; in multi-thread mode nothing guards that). So the store asks for
/// multi-thread mode. Only a call that initialises SQLite first (a connection opened outside the store) keeps
/// serialized mode, which is correct, only slower; <see cref="EmbeddedGraphStore"/> logs it.
/// </summary>
internal static class SqliteThreading
{
    private static readonly Lazy<bool> Configured = new(Configure);

    /// <summary>Whether connections run without SQLite's per-connection mutex; the first call chooses the mode.</summary>
    public static bool MultiThread => Configured.Value;

    private static bool Configure()
    {
        Batteries_V2.Init();
        // SQLITE_MISUSE when SQLite is initialised already: the mode stays as it was.
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD) == raw.SQLITE_OK;
    }
}
