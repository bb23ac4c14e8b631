using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Keeps a <see cref="SearchIndex"/> in step with the file, whichever process writes it: the triggers on
/// <c>search_docs</c> note each changed document with the generation of its change (<c>search_doc_changes</c>), and a
/// search that finds the index behind the generation it read first brings it up to date with what changed since.
/// A few changes (a report's write touches a handful of documents) are applied in that search; more (the first search
/// of a large store, a batch ingested by a worker) are applied in the background while FTS5 answers, and a search never
/// waits for another's refresh.
/// </summary>
internal sealed class SearchIndexFeed(EmbeddedDatabase database, ILogger logger) : IDisposable
{
    /// <summary>Changed documents a search applies itself before it answers from the index; more are applied in the background.</summary>
    public const int InlineChanges = 256;

    // Every document, and the generation they make up, in one statement and so one snapshot.
    private const string Everything = """
        SELECT NULL, NULL, NULL, NULL, NULL, n FROM search_generation
        UNION ALL SELECT rowid, kind, id, title, body, NULL FROM search_docs;
        """;

    // The documents changed after $generation (with no kind: gone), and the generation now, in one snapshot: every change
    // up to that generation carries a generation of its own above $generation, since the triggers write both together.
    private const string ChangedSince = """
        SELECT NULL, NULL, NULL, NULL, NULL, n FROM search_generation
        UNION ALL SELECT c.doc, d.kind, d.id, d.title, d.body, NULL
            FROM search_doc_changes c LEFT JOIN search_docs d ON d.rowid = c.doc WHERE c.generation > $generation;
        """;

    private const string CountChangedSince = "SELECT count(*) FROM search_doc_changes WHERE generation > $generation;";
    private const string CountEverything = "SELECT count(*) FROM search_docs;";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private volatile SearchIndex? _index;
    private volatile Task? _background;
    private long _answered;
    // After a refresh fails, FTS5 answers for a while before the next attempt: a build that fails every time would
    // otherwise start again on every search (1.6 s of a core at 20,000 reports) and log each failure.
    private long _retryAt;
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(30);

    public SearchIndexFeed(EmbeddedDatabase database) : this(database, NullLogger.Instance)
    {
    }

    /// <summary>
    /// The index holding at least <paramref name="generation"/>, brought up to it on <paramref name="connection"/> when few
    /// documents changed; null while a larger refresh runs in the background (the caller then asks FTS5).
    /// </summary>
    public async Task<SearchIndex?> CurrentAsync(SqliteConnection connection, long generation, CancellationToken cancellationToken)
    {
        var current = await FindCurrentAsync(connection, generation, cancellationToken);
        if (current is not null)
        {
            Interlocked.Increment(ref _answered);
        }
        return current;
    }

    /// <summary>Searches the index answered (tests use it to see which path answered).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    private async Task<SearchIndex?> FindCurrentAsync(SqliteConnection connection, long generation, CancellationToken cancellationToken)
    {
        if (_index is { } index && index.Generation >= generation)
        {
            return index;
        }
        if (_background is { IsCompleted: false } || Environment.TickCount64 < Interlocked.Read(ref _retryAt))
        {
            return null;
        }
        // A search never waits for another's refresh (a large one holds the gate for seconds): FTS5 answers it instead.
        if (!await _gate.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return null;
        }
        try
        {
            if (_index is { } refreshed && refreshed.Generation >= generation)
            {
                return refreshed;
            }
            if (_background is { IsCompleted: false })
            {
                return null;
            }
            var pending = _index is { } held
                ? await ScalarAsync(connection, null, CountChangedSince, cancellationToken, ("$generation", held.Generation))
                : await ScalarAsync(connection, null, CountEverything, cancellationToken);
            if (pending > InlineChanges)
            {
                _background = Task.Run(RefreshInBackgroundAsync, CancellationToken.None);
                return null;
            }
            await RefreshAsync(connection, cancellationToken);
            return _index is { } current && current.Generation >= generation ? current : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A refresh that fails leaves the generation where it was, so the next one reads the same changes again
            // (a document applied twice replaces itself); this search asks FTS5.
            Failed(e);
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Waits for a background refresh, if one runs (tests use it).</summary>
    public Task WhenIdleAsync() => _background ?? Task.CompletedTask;

    /// <summary>Brings the index up to date outside any search, however much changed.</summary>
    private async Task RefreshInBackgroundAsync()
    {
        await _gate.WaitAsync(_stopping.Token);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var documents = await database.ReadAsync(async connection =>
            {
                await RefreshAsync(connection, _stopping.Token);
                return _index!.DocumentCount;
            }, _stopping.Token);
            Log.SearchIndexRefreshed(logger, documents, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            // The index stays where it was; searches ask FTS5 until the next refresh succeeds.
            Failed(e);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Failed(Exception e)
    {
        Interlocked.Exchange(ref _retryAt, Environment.TickCount64 + (long)RetryPause.TotalMilliseconds);
        Log.SearchIndexRefreshFailed(logger, e.Message, e);
    }

    /// <summary>
    /// Applies what changed since the index's generation, or builds the first index from every document. The rows are
    /// read as a stream and applied a batch at a time: holding every text and its words at once made a build at 20,000
    /// reports peak at several times the index's own size. Applying in place keeps a refresh's cost that of what
    /// changed (rebuilding for every large change cost the whole store each time, and a worker writing faster than a
    /// rebuild kept one running). Callers hold the gate, so no other refresh runs; searches go on between batches.
    /// </summary>
    private async Task RefreshAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var held = _index;
        var index = held ?? new SearchIndex();
        var generation = index.Generation;
        var batch = new List<SearchIndex.Prepared>(Batch);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = held is null ? Everything : ChangedSince;
            command.Parameters.AddWithValue("$generation", index.Generation);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var (change, rowGeneration) = Row(reader);
                if (rowGeneration is { } n)
                {
                    generation = n;
                    continue;
                }
                batch.Add(index.Prepare(change));
                if (batch.Count == Batch)
                {
                    // Not yet the new generation: a search takes this index only once every change is in.
                    index.Apply(batch, index.Generation);
                    batch.Clear();
                }
            }
        }
        index.Apply(batch, generation);
        _index = index;
    }

    private const int Batch = 512;

    private static (SearchIndex.Change Change, long? Generation) Row(SqliteDataReader r) => r.IsDBNull(0)
        ? (default, r.GetInt64(5))
        : (new SearchIndex.Change(r.GetInt64(0), NullableString(r, 1), NullableString(r, 2), NullableString(r, 3), NullableString(r, 4)), null);

    // Neither the token nor the index is disposed: a refresh still running may read the token after the store is gone,
    // and a search may still wait on the index's lock, whose disposal would then throw.
    public void Dispose() => _stopping.Cancel();
}
