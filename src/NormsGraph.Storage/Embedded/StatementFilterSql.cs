using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The rule of a <see cref="StatementFilter"/> in SQL, the one place a filtered <c>who</c> and the evidence and reports of
/// its edges take it from, so they count the same statements: whether statement <c>s</c> passes bounds given as SQL
/// expressions (null: no such bound). Undated statements never pass a date bound; the process is the statement's event's.
/// </summary>
internal static class StatementFilterSql
{
    /// <param name="nullable">The bounds are values per row that may be NULL for no bound (the edge keys' columns).</param>
    public static string Passes(string s, string? from, string? to, string? process, string? minConfidence, bool nullable = false)
    {
        var conditions = new List<string>();
        void Add(string? bound, string condition)
        {
            if (bound is not null)
            {
                conditions.Add(nullable ? $"({bound} IS NULL OR {condition})" : condition);
            }
        }
        // Undated statements sort as the last day there is, so 'to' must leave them out too: a 'to' of 9999-12-31 let them in.
        Add(from, $"({s}.sort_date >= {from} AND {s}.sort_date <> '{PositionCursor.Undated}')");
        Add(to, $"({s}.sort_date <= {to} AND {s}.sort_date <> '{PositionCursor.Undated}')");
        Add(minConfidence, $"{s}.confidence >= {minConfidence}");
        Add(process, $"EXISTS (SELECT 1 FROM events ev WHERE ev.id = {s}.event_id AND ev.process_id = {process})");
        return conditions.Count == 0 ? "1" : string.Join(" AND ", conditions);
    }
}
