using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Neo4j;

/// <summary>The evidence behind a page of position edges in one request (find_evidence.cypher).</summary>
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
            result[keys[group.Key]] = [.. group.Select(r => new PositionRecord(
                r.GetString("id"), r.GetString("actorId"), EnumNames.Parse<Stance>(r.GetString("stance")), r.GetString("targetId"),
                r.GetString("evidence"), r.GetInt32("evidenceStart"), r.GetInt32("evidenceLength"), r.GetDouble("confidence"),
                EnumNames.Parse<StatementStatus>(r.GetString("status")), r.GetString("reportId"), r.GetNullableDate("date"),
                r.GetNullableString("eventId")))];
        }
        return result;
    }
}
