namespace NormsGraph.Core.Storage;

/// <summary>A stored event (session, meeting) with the number of reports that cover it.</summary>
public sealed record EventRecord(string Id, string Title, DateOnly? Date, string? ProcessId, int Reports)
{
    public string Cursor => PageCursor.Encode("event", PositionCursor.SortKey(Date), Id);
}
