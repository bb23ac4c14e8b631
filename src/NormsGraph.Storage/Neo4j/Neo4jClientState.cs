namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// What every Neo4j client of one process shares (typed clients are created per consumer): the bookmarks of
/// this process's causal chain and the limit on writes in flight (<see cref="Neo4jOptions.MaxConcurrentWrites"/>).
/// </summary>
internal sealed class Neo4jClientState(int maxConcurrentWrites) : IDisposable
{
    public Neo4jBookmarks Bookmarks { get; } = new();

    public SemaphoreSlim Writes { get; } = new(maxConcurrentWrites, maxConcurrentWrites);

    public int MaxConcurrentWrites { get; } = maxConcurrentWrites;

    public void Dispose() => Writes.Dispose();
}
