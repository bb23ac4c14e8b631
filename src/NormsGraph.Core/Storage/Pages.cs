namespace NormsGraph.Core.Storage;

public static class Pages
{
    /// <summary>A page from <paramref name="fetched"/>, which holds up to <paramref name="first"/> + 1 rows: the extra one only says there is a next page.</summary>
    public static Page<T> From<T>(List<T> fetched, int first, int totalCount, Func<T, string> cursor)
    {
        var hasNext = fetched.Count > first;
        var items = hasNext ? fetched[..first] : fetched;
        var cursors = items.Select(cursor).ToList();
        return new Page<T>(items, totalCount, hasNext, cursors.Count == 0 ? null : cursors[^1], cursors);
    }
}
