using System.Globalization;

namespace NormsGraph.Core.Storage;

/// <summary>One recorded curation change: who made it (the API key's name), when, on what, and the value before and after.</summary>
public sealed record AuditEntry(long Sequence, DateTimeOffset At, string Who, CurationAction Action, string Subject, string? Before, string? After)
{
    public string Cursor => PageCursor.Encode("audit", Sequence.ToString(CultureInfo.InvariantCulture));
}
