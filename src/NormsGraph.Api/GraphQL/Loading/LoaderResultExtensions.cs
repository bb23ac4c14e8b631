using GraphQL.DataLoader;

namespace NormsGraph.Api.GraphQL.Loading;

/// <summary>
/// Follow-up work on a batch loader's result without awaiting it in the resolver: a resolver that awaited would
/// dispatch its loader alone, before the other fields of its level had asked for their keys. GraphQL.NET awaits
/// the returned result after the whole level resolved; a result that is itself a loader result is awaited again.
/// </summary>
internal static class LoaderResultExtensions
{
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> next) => new Chained<T, TResult>(result, next);

    /// <summary>A store call of its own as a loader result, for a field that answers from a batch in the common case only.</summary>
    public static IDataLoaderResult<T> Call<T>(Func<CancellationToken, Task<T>> call) => new Single<T>(call);

    private sealed class Single<T>(Func<CancellationToken, Task<T>> call) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => call(cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    // A result whose inner one is already there (the batch of its level was loaded) is followed up at once, without
    // two async state machines per field.
    private sealed class Chained<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> next) : IDataLoaderResult<TResult>
    {
        public Task<TResult> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var value = inner.GetResultAsync(cancellationToken);
            return value.IsCompletedSuccessfully ? Task.FromResult(next(value.Result)) : NextAsync(value);
        }

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
        {
            var value = inner.GetResultAsync(cancellationToken);
            return value.IsCompletedSuccessfully ? Task.FromResult<object?>(next(value.Result)) : BoxedAsync(value);
        }

        private async Task<TResult> NextAsync(Task<T> value) => next(await value);

        private async Task<object?> BoxedAsync(Task<T> value) => next(await value);
    }
}
