using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Neo4j;

/// <summary>The evidence behind a page of position edges, and the first page of several actors', targets' or reports' positions, in one request each.</summary>
internal sealed partial class Neo4jGraphStore
{
    public async Task<IReadOnlyDictionary<PositionEdgeKey, IReadOnlyList<PositionRecord>>> FindEvidenceAsync(IReadOnlyCollection<PositionEdgeKey> edges,
        int first, CancellationToken cancellationToken)
    {
        var result = new Dictionary<PositionEdgeKey, IReadOnlyList<PositionRecord>>();
        first = Math.Clamp(first, 0, PositionQuery.MaxPageSize);
        var keys = edges.Distinct().ToList();
        if (first == 0 || keys.Count == 0)
        {
            return result;
        }
        var rows = await client.RunAsync(Neo4jQueries.FindEvidence.With(
            ("pairs", Neo4jEdgeKeys.Pairs(keys)),
            ("limit", first)), cancellationToken);
        foreach (var group in rows.Records.GroupBy(r => r.GetInt32("edge")))
        {
            result[keys[group.Key]] = [.. group.Select(Statement)];
        }
        return result;
    }

    public async Task<IReadOnlyDictionary<string, PositionPage>> FindPositionPagesAsync(PositionAnchor anchor, IReadOnlyCollection<string> ids,
        PositionQuery filter, CancellationToken cancellationToken)
    {
        var asked = PositionBatch.Asked(anchor, ids, filter);
        var first = Math.Clamp(filter.First, 0, PositionQuery.MaxPageSize);
        if (asked.Count == 0)
        {
            return new Dictionary<string, PositionPage>();
        }
        (string, object?)[] parameters =
        [
            ("anchor", EnumNames.ToSnakeCase(anchor)),
            ("ids", asked),
            ("targetId", filter.TargetId),
            ("actorId", await Neo4jActorLookup.ResolveAsync(client, filter.ActorId, cancellationToken)),
            ("reportId", filter.ReportId),
            ("stance", filter.Stance is { } stance ? EnumNames.ToSnakeCase(stance) : null),
            ("includeRejected", filter.IncludeRejected),
            ("minConfidence", filter.MinConfidence),
        ];
        var pages = (await client.RunAsync(Neo4jQueries.FindPositionPages.With([.. parameters, ("limit", first + 1)]), cancellationToken))
            .Records.ToLookup(r => r.GetInt32("i"), Statement);
        var totals = (await client.RunAsync(Neo4jQueries.CountPositionPages.With(parameters), cancellationToken))
            .Records.ToDictionary(r => r.GetInt32("i"), r => r.GetInt32("total"));
        return PositionBatch.Pages(asked, pages, totals, first);
    }

    // A statement row as find_evidence, find_position_pages and the find_positions_* statements return it.
    private static PositionRecord Statement(Neo4jRecord r) => new(
        r.GetString("id"), r.GetString("actorId"), EnumNames.Parse<Stance>(r.GetString("stance")), r.GetString("targetId"),
        r.GetString("evidence"), r.GetInt32("evidenceStart"), r.GetInt32("evidenceLength"), r.GetDouble("confidence"),
        EnumNames.Parse<StatementStatus>(r.GetString("status")), r.GetString("reportId"), r.GetNullableDate("date"),
        r.GetNullableString("eventId"));
}
