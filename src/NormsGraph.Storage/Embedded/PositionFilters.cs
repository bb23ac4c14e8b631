using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// A <see cref="PositionQuery"/>'s filters (not its cursor or page size) as SQL conditions over
/// <c>statements s LEFT JOIN curation c</c>, the one place the single page and the batched pages take them from.
/// <see cref="Edges"/> is the part that also applies to <c>position_edges</c> (aliased <c>s</c> as well, with the same
/// key columns), or null when the total cannot be summed from edges: they carry no confidence, report or rejected statement.
/// </summary>
internal sealed record PositionFilters(IReadOnlyList<string> Statements, IReadOnlyList<string>? Edges, IReadOnlyList<(string Name, object? Value)> Parameters)
{
    /// <summary>The filters of <paramref name="query"/>, its actor resolved through merges in the SQL itself.</summary>
    public static PositionFilters Of(PositionQuery query)
    {
        var filters = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.TargetId is not null)
        {
            filters.Add("s.target_id = $target");
            parameters.Add(("$target", query.TargetId));
        }
        if (query.ActorId is not null)
        {
            // A merged actor's old id stands for the actor it was merged into; resolved in the query (a scalar subquery,
            // run once, still a search on the actor index), not by a statement of its own.
            filters.Add($"s.actor_id = {ActorRedirects.Resolved("$actor")}");
            parameters.Add(("$actor", query.ActorId));
        }
        if (query.ReportId is not null)
        {
            filters.Add("s.report_id = $report");
            parameters.Add(("$report", query.ReportId));
        }
        if (query.Stance is { } stance)
        {
            filters.Add("s.stance = $stance");
            parameters.Add(("$stance", EnumNames.ToSnakeCase(stance)));
        }
        List<string>? edges = query.ReportId is null && !query.IncludeRejected && query.MinConfidence is null ? [.. filters] : null;
        if (query.MinConfidence is { } minConfidence)
        {
            filters.Add("s.confidence >= $minConfidence");
            parameters.Add(("$minConfidence", minConfidence));
        }
        if (!query.IncludeRejected)
        {
            filters.Add("coalesce(c.status, 'extracted') <> 'rejected'");
        }
        return new PositionFilters(filters, edges, parameters);
    }

    /// <summary><paramref name="conditions"/> joined as a WHERE clause, empty when there are none.</summary>
    public static string Where(IEnumerable<string> conditions)
    {
        var all = conditions.ToList();
        return all.Count == 0 ? "" : "WHERE " + string.Join(" AND ", all);
    }
}
