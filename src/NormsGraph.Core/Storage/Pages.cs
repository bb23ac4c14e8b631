using System.Globalization;

namespace NormsGraph.Core.Storage;

/// <summary>
/// Pages of a list. Keyset pages (<see cref="From"/>) continue after their last row's sort key; offset pages
/// (<see cref="FromOffset"/>, <see cref="OfList"/>) serve ranked lists (search, alignment), whose order has no key to
/// continue after, and lists held whole (the actors of a coalition or of a timeline period): their cursor is the row's
/// offset, tagged with the list.
/// </summary>
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

    /// <summary>
    /// The page of <paramref name="window"/>, the rows from <paramref name="offset"/> on (at most
    /// <paramref name="first"/> + 1: the one past the page says another page follows).
    /// </summary>
    public static Page<T> FromOffset<T>(IReadOnlyList<T> window, int offset, int first, string list, int total)
    {
        var hasNext = window.Count > first;
        var items = hasNext ? [.. window.Take(first)] : window;
        var cursors = new string[items.Count];
        for (var i = 0; i < cursors.Length; i++)
        {
            cursors[i] = PageCursor.Encode(list, (offset + i).ToString(CultureInfo.InvariantCulture));
        }
        return new Page<T>(items, total, hasNext, cursors.Length == 0 ? null : cursors[^1], cursors);
    }

    /// <summary>The page of <paramref name="all"/> after <paramref name="after"/> (a cursor of <paramref name="list"/>).</summary>
    public static Page<T> OfList<T>(IReadOnlyList<T> all, string list, int first, string? after)
    {
        var offset = PageCursor.DecodeOffset(list, after);
        return FromOffset([.. all.Skip(offset).Take(first + 1)], offset, first, list, all.Count);
    }
}
