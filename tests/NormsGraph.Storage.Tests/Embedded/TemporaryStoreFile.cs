using Microsoft.Data.Sqlite;
using NormsGraph.Storage.Embedded;

namespace NormsGraph.Storage.Tests.Embedded;

/// <summary>An embedded store's file in a folder of its own, deleted with it.</summary>
internal sealed class TemporaryStoreFile : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "normsgraph-tests", Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(_folder, "graph.db");

    public async Task<EmbeddedGraphStore> OpenAsync(bool searchIndexInMemory, CancellationToken cancellationToken)
    {
        var store = new EmbeddedGraphStore(Path, searchIndexInMemory: searchIndexInMemory);
        await store.InitializeAsync(cancellationToken);
        return store;
    }

    /// <summary>Runs <paramref name="sql"/> in one transaction on a connection of its own, as another process would.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
