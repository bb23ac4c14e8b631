using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NormsGraph.Storage.Embedded;

/// <summary>Parameterised commands on a connection; every value goes in as a parameter, never into the text.</summary>
internal static class Sql
{
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql,
        params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    public static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public static async Task<List<T>> ListAsync<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> map,
        CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var items = new List<T>();
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(map(reader));
        }
        return items;
    }

    /// <summary>Rows whose id is one of <paramref name="ids"/>; <paramref name="sql"/> has <c>{0}</c> where the parameter list goes.</summary>
    public static async Task<IReadOnlyDictionary<string, T>> ByIdsAsync<T>(SqliteConnection connection, IReadOnlyCollection<string> ids, string sql,
        Func<SqliteDataReader, T> map, Func<T, string> key, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var names = distinct.Select((_, i) => $"$p{i}").ToList();
        await using var command = Command(connection, transaction, string.Format(CultureInfo.InvariantCulture, sql, string.Join(", ", names)),
            [.. names.Zip(distinct, (n, v) => (n, (object?)v))]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var item = map(reader);
            result[key(item)] = item;
        }
        return result;
    }
}
