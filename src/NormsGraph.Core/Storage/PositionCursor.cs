using System.Text;
using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>
/// Keyset cursor over statements ordered by report date (undated last) then statement id. Opaque to
/// clients (base64), the same for every adapter so a cursor from one replica works on another.
/// </summary>
public readonly record struct PositionCursor(string SortDate, string Id)
{
    /// <summary>Sort key for undated reports, after every real date.</summary>
    public const string Undated = "9999-12-31";

    public static string SortKey(DateOnly? date) => IsoDate.Text(date) ?? Undated;

    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SortDate}|{Id}"));

    public static PositionCursor Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar == 10 && DateOnly.TryParseExact(text[..bar], "yyyy-MM-dd", out _))
            {
                return new PositionCursor(text[..bar], text[(bar + 1)..]);
            }
        }
        catch (FormatException)
        {
        }
        throw new ArgumentException($"'{PageCursor.Shown(cursor)}' is not a valid cursor.", nameof(cursor));
    }
}
