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
        if (filter.After is not null)
        {
            throw new ArgumentException("A batch of position pages starts at the first page; a later page is FindPositionsAsync's.", nameof(filter));
        }
        var own = anchor switch { PositionAnchor.Actor => filter.ActorId, PositionAnchor.Target => filter.TargetId, _ => filter.ReportId };
        if (own is not null)
        {
            throw new ArgumentException($"The filter of a batch by {anchor} names no {anchor} of its own.", nameof(filter));
        }
        var first = Math.Clamp(filter.First, 0, PositionQuery.MaxPageSize);
        var asked = ids.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, PositionPage>(StringComparer.Ordinal);
        if (asked.Count == 0)
        {
            return result;
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
        for (var i = 0; i < asked.Count; i++)
        {
            result[asked[i]] = PositionPage.From([.. pages[i]], first, totals.GetValueOrDefault(i));
        }
        return result;
    }

    // A statement row as find_evidence, find_position_pages and the find_positions_* statements return it.
    private static PositionRecord Statement(Neo4jRecord r) => new(
        r.GetString("id"), r.GetString("actorId"), EnumNames.Parse<Stance>(r.GetString("stance")), r.GetString("targetId"),
        r.GetString("evidence"), r.GetInt32("evidenceStart"), r.GetInt32("evidenceLength"), r.GetDouble("confidence"),
        EnumNames.Parse<StatementStatus>(r.GetString("status")), r.GetString("reportId"), r.GetNullableDate("date"),
        r.GetNullableString("eventId"));
}
