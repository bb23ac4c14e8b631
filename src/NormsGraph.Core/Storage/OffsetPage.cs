using System.Globalization;

namespace NormsGraph.Core.Storage;

/// <summary>
/// Pages of lists addressed by position: ranked lists (search, alignment), whose order has no key to continue after,
/// and lists held whole (the actors of a coalition or of a timeline period). A cursor is its row's offset, tagged with
/// the list.
/// </summary>
public static class OffsetPage
{
    /// <summary>
    /// The page of <paramref name="window"/>, the rows from <paramref name="offset"/> on (at most
    /// <paramref name="first"/> + 1: the one past the page says another page follows).
    /// </summary>
    public static Page<T> FromWindow<T>(IReadOnlyList<T> window, int offset, int first, string list, int total)
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
    public static Page<T> Of<T>(IReadOnlyList<T> all, string list, int first, string? after)
    {
        var offset = PageCursor.DecodeOffset(list, after);
        return FromWindow([.. all.Skip(offset).Take(first + 1)], offset, first, list, all.Count);
    }
}
