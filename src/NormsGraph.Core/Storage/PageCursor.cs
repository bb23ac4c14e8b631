using System.Text;

namespace NormsGraph.Core.Storage;

/// <summary>
/// Opaque keyset cursors for the lists other than statements: the sort key's parts joined and base64-encoded,
/// tagged with the list they belong to so a cursor from one list is refused by another.
/// </summary>
public static class PageCursor
{
    private const char Separator = '\u001f';

    public static string Encode(string list, params string[] parts) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(list + Separator + string.Join(Separator, parts)));

    /// <summary>The parts of <paramref name="cursor"/>; an <see cref="ArgumentException"/> when it is not one of <paramref name="list"/>'s.</summary>
    public static string[] Decode(string list, string cursor, int parts)
    {
        try
        {
            var fields = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(Separator);
            if (fields.Length == parts + 1 && fields[0] == list)
            {
                return fields[1..];
            }
        }
        catch (FormatException)
        {
        }
        throw new ArgumentException($"'{Shown(cursor)}' is not a valid cursor for this list.", nameof(cursor));
    }

    /// <summary>
    /// The offset just after <paramref name="cursor"/>'s row (0 without a cursor). A cursor naming the last possible row
    /// is refused: the offset after it would wrap to a negative number.
    /// </summary>
    public static int DecodeOffset(string list, string? cursor) =>
        cursor is null ? 0
        : int.TryParse(Decode(list, cursor, 1)[0], out var offset) && offset is >= 0 and < int.MaxValue ? offset + 1
        : throw new ArgumentException($"'{Shown(cursor)}' is not a valid cursor for this list.", nameof(cursor));

    /// <summary>A cursor as an error message quotes it: cut short, so a megabyte of garbage is not sent back.</summary>
    public static string Shown(string cursor) => cursor.Length <= 40 ? cursor : cursor[..40] + "…";
}
