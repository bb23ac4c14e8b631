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

    private sealed class Chained<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> next) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => next(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
