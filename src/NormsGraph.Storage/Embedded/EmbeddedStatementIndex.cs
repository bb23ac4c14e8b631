using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Linking over the embedded store: FTS5 <c>bm25()</c> over statement evidence, and brute-force cosine over
/// evidence vectors stored as BLOBs. The vectors of non-rejected statements are held in memory as one matrix,
/// reloaded when statements, vectors or curation change (a counter kept by triggers decides), so a query costs
/// one pass of dot products: fine to about 10^5 statements.
/// </summary>
public sealed class EmbeddedStatementIndex(EmbeddedGraphStore store) : IStatementIndex, IDisposable
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = store.Path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    private readonly SemaphoreSlim _initialise = new(1, 1);
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile bool _ready;
    private volatile VectorSnapshot? _snapshot;

    public async Task<IReadOnlyList<StoredEvidence>> FindNearestAsync(float[] vector, string model, int top, CancellationToken cancellationToken)
    {
        if (top <= 0)
        {
            return [];
        }
        var snapshot = await SnapshotAsync(model, cancellationToken);
        if (snapshot.Rows.Count == 0 || snapshot.Dimensions != vector.Length)
        {
            return [];
        }
        var similarities = new float[snapshot.Rows.Count];
        var matrix = snapshot.Matrix.AsSpan();
        for (var i = 0; i < similarities.Length; i++)
        {
            similarities[i] = TensorPrimitives.Dot(vector, matrix.Slice(i * snapshot.Dimensions, snapshot.Dimensions));
        }
        // Partial selection: keep the best `top` in a small sorted list.
        var best = new List<int>(top + 1);
        for (var i = 0; i < similarities.Length; i++)
        {
            if (best.Count == top && similarities[i] <= similarities[best[^1]])
            {
                continue;
            }
            var at = best.FindIndex(b => similarities[b] < similarities[i]);
            best.Insert(at < 0 ? best.Count : at, i);
            if (best.Count > top)
            {
                best.RemoveAt(best.Count - 1);
            }
        }
        return best.Select(i => snapshot.Rows[i] with { Similarity = Math.Round(similarities[i], 4) }).ToList();
    }

    public async Task<IReadOnlyList<StoredEvidence>> SearchLexicalAsync(IReadOnlyList<string> terms, int top, CancellationToken cancellationToken)
    {
        var query = FtsQuery(terms);
        if (query is null || top <= 0)
        {
            return [];
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, EmbeddedLinkingSchema.Search, ("$query", query), ("$top", top), ("$candidates", top * 4));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hits = new List<StoredEvidence>();
        while (await reader.ReadAsync(cancellationToken))
        {
            // bm25() is lower-is-better; the evidence score is higher-is-better.
            hits.Add(Row(reader) with { Similarity = Math.Round(-reader.GetDouble(6), 4) });
        }
        return hits;
    }

    public async Task<IReadOnlyList<PendingVector>> FindStatementsWithoutVectorAsync(string model, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, EmbeddedLinkingSchema.Pending, ("$model", model), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pending = new List<PendingVector>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pending.Add(new PendingVector(reader.GetString(0), reader.GetString(1)));
        }
        return pending;
    }

    public async Task SaveVectorsAsync(string model, IReadOnlyList<StatementVector> vectors, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var v in vectors)
        {
            await using var command = Command(connection, EmbeddedLinkingSchema.Save,
                ("$id", v.StatementId), ("$model", model), ("$vector", MemoryMarshal.AsBytes(v.Vector.AsSpan()).ToArray()));
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var sweep = Command(connection, EmbeddedLinkingSchema.SweepOrphans))
        {
            sweep.Transaction = transaction;
            await sweep.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _initialise.Dispose();
        _reload.Dispose();
    }

    // FTS5 query syntax would treat words such as AND, NEAR or a stray quote as operators: every term is quoted.
    internal static string? FtsQuery(IReadOnlyList<string> terms)
    {
        var quoted = terms.Where(t => t.Any(char.IsLetterOrDigit))
            .Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(64).ToList();
        return quoted.Count == 0 ? null : string.Join(" OR ", quoted);
    }

    private async Task<VectorSnapshot> SnapshotAsync(string model, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        string generation;
        await using (var command = Command(connection, EmbeddedLinkingSchema.Generation))
        {
            generation = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        var current = _snapshot;
        if (current is not null && current.Model == model && current.Generation == generation)
        {
            return current;
        }
        await _reload.WaitAsync(cancellationToken);
        try
        {
            current = _snapshot;
            if (current is not null && current.Model == model && current.Generation == generation)
            {
                return current;
            }
            var rows = new List<StoredEvidence>();
            var vectors = new List<float[]>();
            await using (var command = Command(connection, EmbeddedLinkingSchema.LoadVectors, ("$model", model)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(Row(reader));
                    vectors.Add(MemoryMarshal.Cast<byte, float>((byte[])reader.GetValue(6)).ToArray());
                }
            }
            var dimensions = vectors.Count == 0 ? 0 : vectors[0].Length;
            var matrix = new float[rows.Count * dimensions];
            for (var i = 0; i < vectors.Count; i++)
            {
                vectors[i].AsSpan(0, Math.Min(dimensions, vectors[i].Length)).CopyTo(matrix.AsSpan(i * dimensions));
            }
            _snapshot = current = new VectorSnapshot(model, generation, dimensions, rows, matrix);
            return current;
        }
        finally
        {
            _reload.Release();
        }
    }

    private static StoredEvidence Row(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        EnumNames.Parse<StatementStatus>(reader.GetString(5)), 0);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!_ready)
            {
                await EnsureSchemaAsync(connection, cancellationToken);
            }
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new StoreUnavailableException($"Cannot use the embedded store's linking index at '{store.Path}': {e.Message}", e);
        }
        return connection;
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _initialise.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }
            await using (var create = Command(connection, EmbeddedLinkingSchema.Create))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var rebuild = Command(connection, EmbeddedLinkingSchema.Rebuild))
            {
                await rebuild.ExecuteNonQueryAsync(cancellationToken);
            }
            _ready = true;
        }
        finally
        {
            _initialise.Release();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    private sealed record VectorSnapshot(string Model, string Generation, int Dimensions, IReadOnlyList<StoredEvidence> Rows, float[] Matrix);
}
