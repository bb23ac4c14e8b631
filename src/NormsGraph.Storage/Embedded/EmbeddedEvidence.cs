using Microsoft.Data.Sqlite;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The statements behind many position edges in one query per group of them (<see cref="EdgeKeys"/>). Each edge's
/// statements are an index range on <c>statements_pair</c> (actor, target, date, id) that stops after <c>first</c>
/// rows, so a page of 20 supporters costs one query however many statements each edge has. Each edge's rows are put in
/// page order here, not by SQLite: an <c>ORDER BY</c> over the whole answer sorted it in a temporary B-tree, a fifth of
/// the query's work for a page of 20 with one statement each.
/// </summary>
internal static class EmbeddedEvidence
{
    private static readonly string Query = $"""
        WITH {EdgeKeys.Table}
        SELECT k.edge, {PositionColumns}
        FROM k JOIN statements s ON s.rowid IN (
                SELECT p.rowid FROM statements p LEFT JOIN curation pc ON pc.statement_id = p.id
                WHERE {EdgeKeys.Matches("p")} AND coalesce(pc.status, 'extracted') <> 'rejected' AND {EdgeKeys.Passes("p")}
                ORDER BY p.sort_date, p.id LIMIT $first)
             LEFT JOIN curation c ON c.statement_id = s.id;
        """;

    public static async Task<IReadOnlyDictionary<PositionEdgeKey, IReadOnlyList<PositionRecord>>> FindAsync(SqliteConnection connection,
        IReadOnlyCollection<PositionEdgeKey> edges, int first, CancellationToken cancellationToken)
    {
        var result = new Dictionary<PositionEdgeKey, IReadOnlyList<PositionRecord>>();
        first = Math.Clamp(first, 0, PositionQuery.MaxPageSize);
        var keys = edges.Distinct().ToList();
        if (first == 0 || keys.Count == 0)
        {
            return result;
        }
        foreach (var group in EdgeKeys.Groups(keys))
        {
            var rows = await ListAsync(connection, null, Query, r => (Edge: r.GetInt32(0), Position: Position(r, 1)), cancellationToken,
                [.. group.Parameters, ("$first", first)]);
            foreach (var edge in rows.GroupBy(r => r.Edge))
            {
                result[keys[group.Indexes[edge.Key]]] = [.. edge.Select(r => r.Position).Order(PageOrder.Instance)];
            }
        }
        return result;
    }

    /// <summary>
    /// A position page's order (<c>sort_date, id</c>): undated statements last, as their sort date, the last day there
    /// is, puts them; ids are ASCII, so ordinal order is SQLite's binary order.
    /// </summary>
    private sealed class PageOrder : IComparer<PositionRecord>
    {
        public static readonly PageOrder Instance = new();

        public int Compare(PositionRecord? x, PositionRecord? y)
        {
            var byDate = (x!.Date ?? DateOnly.MaxValue).CompareTo(y!.Date ?? DateOnly.MaxValue);
            return byDate != 0 ? byDate : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
