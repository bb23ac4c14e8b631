namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// Read-your-writes across API replicas on a Neo4j cluster. Within one process the store already chains its
/// requests (every request waits for the bookmarks of this process's earlier answers), but a client whose
/// next request lands on another replica would not wait for its own write there. A scope carries that
/// client's bookmarks for the work done inside it (in this async flow): begin it with the bookmarks the client
/// sent back (for example from a request header), and after the work hand <see cref="Bookmarks"/> to the
/// client. Every Neo4j request inside the scope waits until the server has applied what those bookmarks name.
/// A scope gives nothing on the embedded store, needs nothing on a single Neo4j server (which always reads its
/// own commits), and does not order two different clients' writes.
/// </summary>
public sealed class Neo4jBookmarkScope : IDisposable
{
    private static readonly AsyncLocal<Neo4jBookmarkScope?> Ambient = new();

    private readonly Neo4jBookmarkScope? _outer;
    private bool _disposed;

    private Neo4jBookmarkScope(IEnumerable<string>? bookmarks)
    {
        _outer = Ambient.Value;
        Chain = new Neo4jBookmarks(bookmarks);
        Ambient.Value = this;
    }

    /// <summary>Starts a scope in the current async flow with the bookmarks a client sent (none for a first request).</summary>
    public static Neo4jBookmarkScope Begin(IEnumerable<string>? bookmarks = null) => new(bookmarks);

    /// <summary>The bookmarks to give the client after the work: they name every write its requests saw or made.</summary>
    public IReadOnlyList<string> Bookmarks => Chain.Current;

    internal static Neo4jBookmarks? Current => Ambient.Value?.Chain;

    internal Neo4jBookmarks Chain { get; }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        Ambient.Value = _outer;
    }
}
