using Microsoft.Data.Sqlite;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>The read side of the embedded store: lookups by id, the statement page, statistics.</summary>
internal static class EmbeddedReads
{
    /// <summary>Actors by id; a merged actor's old id answers with the actor it was merged into.</summary>
    public static async Task<IReadOnlyDictionary<string, Actor>> ActorsAsync(SqliteConnection connection, IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        // One statement: each id with the actor it names now, itself or the one it was merged into.
        return await ByIdsAsync(connection, ids, $"SELECT j.value, {ActorColumns} FROM ({{0}}) j JOIN actors a ON a.id = {ActorRedirects.Resolved("j.value")};",
            r => (r.GetString(0), Actor(r, 1)), cancellationToken, transaction);
    }

    public static Task<IReadOnlyDictionary<string, Target>> TargetsAsync(SqliteConnection connection, IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken) =>
        ByIdsAsync(connection, ids, $"SELECT {TargetColumns} FROM targets WHERE id IN ({{0}});", r => Target(r), t => t.Id, cancellationToken);

    public static Task<IReadOnlyDictionary<string, ReportSummary>> ReportsAsync(SqliteConnection connection, IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken) =>
        ByIdsAsync(connection, ids, $"SELECT {ReportSummaryColumns} FROM reports WHERE id IN ({{0}});", r => ReportSummary(r), s => s.Id, cancellationToken);

    public static async Task<PositionPage> FindPositionsAsync(SqliteConnection connection, PositionQuery query, CancellationToken cancellationToken)
    {
        var filters = PositionFilters.Of(query);
        const string From = "FROM statements s LEFT JOIN curation c ON c.statement_id = s.id";

        // Without a report, confidence or rejected filter the total is a sum over position edges, one index range
        // however many statements match (its `s` is position_edges: inside the subquery below, its own alias comes first).
        var total = filters.Edges is { } edges
            ? $"SELECT coalesce(sum(s.statements), 0) FROM position_edges s {PositionFilters.Where(edges)}"
            : $"SELECT count(*) {From} {PositionFilters.Where(filters.Statements)}";

        var pageFilters = new List<string>(filters.Statements);
        var pageParameters = new List<(string, object?)>(filters.Parameters);
        if (query.After is not null)
        {
            var cursor = PositionCursor.Decode(query.After);
            pageFilters.Add("(s.sort_date > $afterDate OR (s.sort_date = $afterDate AND s.id > $afterId))");
            pageParameters.Add(("$afterDate", cursor.SortDate));
            pageParameters.Add(("$afterId", cursor.Id));
        }
        var first = Math.Clamp(query.First, 0, PositionQuery.MaxPageSize);
        pageParameters.Add(("$limit", first + 1));
        var (items, count) = await PageWithTotalAsync(connection, PositionColumns, total,
            $"{From} {PositionFilters.Where(pageFilters)} ORDER BY s.sort_date, s.id LIMIT $limit", r => Position(r), cancellationToken, [.. pageParameters]);
        return PositionPage.From(items, first, (int)count);
    }

    public static async Task<StoreStatistics> StatisticsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        async Task<int> Count(string table) => (int)await ScalarAsync(connection, null, $"SELECT count(*) FROM {table};", cancellationToken);
        return new StoreStatistics(await Count("reports"), await Count("actors"), await Count("statements"), await Count("targets"), await Count("events"));
    }
}
