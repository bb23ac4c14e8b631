using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Prepared commands of one long-lived read connection, by SQL text. Microsoft.Data.Sqlite prepares a command on its
/// first execution and keeps the prepared statement while the command lives, but finalises it when the command is
/// disposed or its connection closed; a fresh command per query therefore prepared the same SQL again on every request
/// (17 % of the CPU of <c>who</c> in a sampling trace). A command is taken out of the cache while it runs, so a nested
/// query with the same text on the same connection gets a command of its own instead of resetting a running one.
/// Not thread-safe: a read connection is used by one caller at a time (<see cref="ReadConnectionPool"/>).
/// </summary>
internal sealed class StatementCache : IDisposable
{
    /// <summary>
    /// Enough for every read query of the store and its filter combinations; past it a command is used once and
    /// disposed, so SQL built with varying text cannot grow the cache without bound.
    /// </summary>
    public const int Capacity = 128;

    private static readonly ConditionalWeakTable<SqliteConnection, StatementCache> Caches = new();
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _idle = new(StringComparer.Ordinal);

    private StatementCache(SqliteConnection connection) => _connection = connection;

    /// <summary>Commands created (each prepared once on first use).</summary>
    public int Created { get; private set; }

    /// <summary>Commands handed out again with their statement already prepared.</summary>
    public int Reused { get; private set; }

    /// <summary>Gives <paramref name="connection"/> a cache that <see cref="Of"/> finds; the cache lives as long as the connection.</summary>
    public static StatementCache Attach(SqliteConnection connection)
    {
        var cache = new StatementCache(connection);
        Caches.AddOrUpdate(connection, cache);
        return cache;
    }

    /// <summary>The cache of a pooled read connection, or null for any other connection (writes, one-off reads).</summary>
    public static StatementCache? Of(SqliteConnection connection) => Caches.TryGetValue(connection, out var cache) ? cache : null;

    /// <summary>A command for <paramref name="sql"/> with no parameters; hand it back with <see cref="Return"/>.</summary>
    public SqliteCommand Rent(string sql)
    {
        if (_idle.Remove(sql, out var command))
        {
            Reused++;
            command.Parameters.Clear();
            return command;
        }
        Created++;
        command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public void Return(SqliteCommand command)
    {
        if (_idle.Count >= Capacity || !_idle.TryAdd(command.CommandText, command))
        {
            command.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var command in _idle.Values)
        {
            command.Dispose();
        }
        _idle.Clear();
        Caches.Remove(_connection);
    }
}
