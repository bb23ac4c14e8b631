namespace NormsGraph.Core.Storage;

/// <summary>One page of statements, in (date, id) order, plus the total that match the filter.</summary>
public sealed record PositionPage(IReadOnlyList<PositionRecord> Items, int TotalCount, bool HasNextPage)
{
    /// <summary>Cursor of the last statement of the page (null when empty), to pass as <c>After</c> for the next page.</summary>
    public string? EndCursor => Items.Count == 0 ? null : CursorOf(Items[^1]);

    /// <summary>A page from <paramref name="fetched"/>, which holds up to <paramref name="first"/> + 1 statements: the extra one only says there is a next page.</summary>
    public static PositionPage From(List<PositionRecord> fetched, int first, int totalCount) =>
        fetched.Count > first ? new(fetched[..first], totalCount, true) : new(fetched, totalCount, false);

    public static string CursorOf(PositionRecord position) => new PositionCursor(PositionCursor.SortKey(position.Date), position.Id).Encode();
}
