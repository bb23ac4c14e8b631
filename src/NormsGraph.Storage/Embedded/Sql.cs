using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Parameterised commands on a connection; every value goes in as a parameter, never into the text. On a pooled read
/// connection the helpers take the command from its <see cref="StatementCache"/> and give it back, so a query prepared
/// once is not prepared again; anywhere else (writes in a transaction, one-off reads) a command lives for one query.
/// </summary>
internal static class Sql
{
    /// <summary>A command of its own, prepared afresh, for the caller to dispose.</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql,
        params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command, parameters);
        return command;
    }

    public static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        using var lease = Rent(connection, transaction, sql, parameters);
        await lease.Command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        using var lease = Rent(connection, transaction, sql, parameters);
        return Convert.ToInt64(await lease.Command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public static async Task<List<T>> ListAsync<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> map,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var items = new List<T>();
        using var lease = Rent(connection, transaction, sql, parameters);
        await using var reader = await lease.Command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(map(reader));
        }
        return items;
    }

    /// <summary>
    /// A page and the total of everything it is cut from, from one snapshot: <paramref name="total"/> (a count without its
    /// semicolon) rides on every row as an uncorrelated scalar subquery, which SQLite runs once. A page without rows (an
    /// empty list, or a page past the end) has nothing to carry it; it is read again with the count in one read
    /// transaction, since a write landing between two statements made them disagree (a total of 1 over an empty page).
    /// <paramref name="rest"/> is the page's query from its <c>FROM</c> on; <paramref name="parameters"/> serve both.
    /// </summary>
    public static async Task<(List<T> Items, long Total)> PageWithTotalAsync<T>(SqliteConnection connection, string columns, string total, string rest,
        Func<SqliteDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var page = $"SELECT {columns}, ({total}) {rest};";
        var rows = await ListAsync(connection, null, page, Read, cancellationToken, parameters);
        if (rows.Count == 0)
        {
            // Deferred: a read transaction, taken by the first statement; the write lock is never asked for.
            await using var transaction = connection.BeginTransaction(deferred: true);
            rows = await ListAsync(connection, transaction, page, Read, cancellationToken, parameters);
            if (rows.Count == 0)
            {
                return ([], await ScalarAsync(connection, transaction, total + ";", cancellationToken, parameters));
            }
        }
        return ([.. rows.Select(r => r.Item)], rows[0].Total);

        (T Item, long Total) Read(SqliteDataReader r) => (map(r), r.GetInt64(r.FieldCount - 1));
    }

    /// <summary>
    /// Rows whose id is one of <paramref name="ids"/>; <paramref name="sql"/> has <c>{0}</c> where the set of ids goes
    /// (<c>WHERE id IN ({0})</c>). The ids go in as one JSON array, so the text is the same for any number of ids and
    /// is prepared once (a parameter per id made a new text, and a new preparation, for every page size).
    /// </summary>
    public static Task<IReadOnlyDictionary<string, T>> ByIdsAsync<T>(SqliteConnection connection, IReadOnlyCollection<string> ids, string sql,
        Func<SqliteDataReader, T> map, Func<T, string> key, CancellationToken cancellationToken, SqliteTransaction? transaction = null) =>
        ByIdsAsync(connection, ids, sql, r =>
        {
            var item = map(r);
            return (key(item), item);
        }, cancellationToken, transaction);

    /// <summary>As above, each row read as its key and value, for rows keyed by something other than the value (an asked id).</summary>
    public static async Task<IReadOnlyDictionary<string, T>> ByIdsAsync<T>(SqliteConnection connection, IReadOnlyCollection<string> ids, string sql,
        Func<SqliteDataReader, (string Key, T Value)> read, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }
        var json = JsonSerializer.Serialize(ids.Distinct(StringComparer.Ordinal));
        using var lease = Rent(connection, transaction, string.Format(CultureInfo.InvariantCulture, sql, IdSet), [("$ids", json)]);
        await using var reader = await lease.Command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (key, value) = read(reader);
            result[key] = value;
        }
        return result;
    }

    private const string IdSet = "SELECT value FROM json_each($ids)";

    private static void Bind(SqliteCommand command, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    private static CommandLease Rent(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var cache = transaction is null ? StatementCache.Of(connection) : null;
        if (cache is null)
        {
            return new CommandLease(Command(connection, transaction, sql, parameters), null);
        }
        var command = cache.Rent(sql);
        Bind(command, parameters);
        return new CommandLease(command, cache);
    }

    /// <summary>A command for one query: back to its cache afterwards, or disposed when it has none.</summary>
    private readonly record struct CommandLease(SqliteCommand Command, StatementCache? Cache) : IDisposable
    {
        public void Dispose()
        {
            if (Cache is null)
            {
                Command.Dispose();
            }
            else
            {
                Cache.Return(Command);
            }
        }
    }
}
