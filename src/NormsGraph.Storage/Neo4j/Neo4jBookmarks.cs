namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// The bookmarks one causal chain holds: a request sends them all, and its answer's bookmarks replace the
/// ones it sent (the server waited for those before it ran, so the new ones cover them), as Neo4j's drivers
/// manage theirs. Concurrent requests each add their own, so the set stays as small as the requests in flight.
/// </summary>
internal sealed class Neo4jBookmarks
{
    private readonly Lock _gate = new();
    private List<string> _bookmarks;

    public Neo4jBookmarks(IEnumerable<string>? initial = null) =>
        _bookmarks = initial is null ? [] : [.. initial.Where(b => !string.IsNullOrEmpty(b)).Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<string> Current
    {
        get
        {
            lock (_gate)
            {
                return [.. _bookmarks];
            }
        }
    }

    public void Advance(IReadOnlyCollection<string> sent, IReadOnlyList<string> received)
    {
        if (received.Count == 0)
        {
            return;
        }
        lock (_gate)
        {
            _bookmarks = [.. _bookmarks.Where(b => !sent.Contains(b)).Concat(received).Distinct(StringComparer.Ordinal)];
        }
    }
}
