using GraphQL.DataLoader;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Loading;

/// <summary>
/// A per-request batch loader: every key asked for while a level of the query resolves is fetched in
/// one call when the first result is awaited, so a page of positions costs one actor query, not one each.
/// </summary>
internal sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
    where TValue : class
{
    private readonly Lock _gate = new();
    private readonly HashSet<TKey> _pending = [];
    private readonly Dictionary<TKey, TValue?> _loaded = [];
    private Task? _inFlight;
    private int _results;

    /// <summary>Calls made to the fetch delegate; tests use it to prove batching.</summary>
    public int Batches { get; private set; }

    /// <summary>Loader results handed out: fields that waited for a batch instead of finding their value loaded (tests use it to prove priming).</summary>
    public int Results => _results;

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        Interlocked.Increment(ref _results);
        Enqueue(key);
        return new Result(this, key);
    }

    /// <summary>
    /// A field's answer for a key: the value itself when the key is loaded already (see <see cref="PagePriming"/>),
    /// which GraphQL.NET completes at once, else a loader result, which it completes in a second pass after the level.
    /// </summary>
    public object? Answer(TKey key) => TryGetLoaded(key, out var value) ? value : Load(key);

    /// <inheritdoc cref="Answer(TKey)"/>
    public object? Answer<TResult>(TKey key, Func<TValue?, TResult> next) => TryGetLoaded(key, out var value) ? next(value) : Load(key).Then(next);

    /// <summary>Loads these keys now, in one batch with any key still pending, unless loaded already.</summary>
    public async Task PrimeAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken)
    {
        var asked = keys.ToList();
        foreach (var key in asked)
        {
            Enqueue(key);
        }
        // The first key not loaded dispatches the batch with every pending key; the others are then loaded.
        foreach (var key in asked)
        {
            if (!TryGetLoaded(key, out _))
            {
                await WaitAsync(key, cancellationToken);
            }
        }
    }

    /// <summary>Several keys in the same batch; keys with no value are left out of the list.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue>> LoadMany(IEnumerable<TKey> keys) =>
        new EachResult([.. keys.Select(Load)]).Then(values => (IReadOnlyList<TValue>)[.. values.OfType<TValue>()]);

    /// <summary>
    /// A page of keys as a page of their values, in the same batch; each value keeps its key's cursor, and a key with no
    /// value leaves the page (the end cursor still continues after it).
    /// </summary>
    public IDataLoaderResult<Page<TValue>> LoadPage(Page<TKey> keys) =>
        new EachResult([.. keys.Items.Select(Load)]).Then(values =>
        {
            var found = Enumerable.Range(0, values.Count).Where(i => values[i] is not null).ToList();
            return new Page<TValue>([.. found.Select(i => values[i]!)], keys.TotalCount, keys.HasNextPage, keys.EndCursor,
                [.. found.Select(i => keys.Cursors[i])]);
        });

    private void Enqueue(TKey key)
    {
        lock (_gate)
        {
            if (!_loaded.ContainsKey(key))
            {
                _pending.Add(key);
            }
        }
    }

    // The value of a key already loaded answers at once, without an async state machine per key: once the first field
    // of a level awaited the batch, every other field of the level finds its value here.
    private Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken) =>
        TryGetLoaded(key, out var value) ? Task.FromResult(value) : WaitAsync(key, cancellationToken);

    private Task<object?> GetBoxedAsync(TKey key, CancellationToken cancellationToken) =>
        TryGetLoaded(key, out var value) ? Task.FromResult<object?>(value) : Boxed(WaitAsync(key, cancellationToken));

    private static async Task<object?> Boxed(Task<TValue?> value) => await value;

    private bool TryGetLoaded(TKey key, out TValue? value)
    {
        lock (_gate)
        {
            return _loaded.TryGetValue(key, out value);
        }
    }

    private async Task<TValue?> WaitAsync(TKey key, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task batch;
            lock (_gate)
            {
                if (_loaded.TryGetValue(key, out var value))
                {
                    return value;
                }
                if (_inFlight is null || _inFlight.IsCompleted)
                {
                    _pending.Add(key);
                    _inFlight = DispatchAsync([.. _pending], cancellationToken);
                    _pending.Clear();
                }
                batch = _inFlight;
            }
            await batch;
        }
    }

    private async Task DispatchAsync(List<TKey> keys, CancellationToken cancellationToken)
    {
        Batches++;
        var values = await fetch(keys, cancellationToken);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _loaded[key] = values.TryGetValue(key, out var value) ? value : null;
            }
        }
    }

    /// <summary>Each key's value in key order, null where a key has none.</summary>
    private sealed class EachResult(List<IDataLoaderResult<TValue?>> results) : IDataLoaderResult<IReadOnlyList<TValue?>>
    {
        public async Task<IReadOnlyList<TValue?>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new TValue?[results.Count];
            for (var i = 0; i < results.Count; i++)
            {
                values[i] = await results[i].GetResultAsync(cancellationToken);
            }
            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => loader.GetBoxedAsync(key, cancellationToken);
    }
}
