namespace NormsGraph.Core.Storage;

/// <summary>One page of statements, in (date, id) order, plus the total that match the filter.</summary>
public sealed record PositionPage(IReadOnlyList<PositionRecord> Items, int TotalCount, bool HasNextPage)
{
    /// <summary>Cursor of the last statement of the page (null when empty), to pass as <c>After</c> for the next page.</summary>
    public string? EndCursor => Items.Count == 0 ? null : CursorOf(Items[^1]);

    public static string CursorOf(PositionRecord position) => new PositionCursor(PositionCursor.SortKey(position.Date), position.Id).Encode();
}
