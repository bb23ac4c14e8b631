using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Neo4j;

/// <summary>Position edges as the <c>$pairs</c> parameter of a statement over many edges; row <c>edge</c> is keys[edge].</summary>
internal static class Neo4jEdgeKeys
{
    /// <remarks>An edge's filter travels with it (null fields when it has none), read by the statements' predicates.</remarks>
    public static object Pairs(IReadOnlyList<PositionEdgeKey> keys) =>
        keys.Select(k => new
        {
            actorId = k.ActorId,
            targetId = k.TargetId,
            stance = EnumNames.ToSnakeCase(k.Stance),
            from = StoredDates.Text(k.Filter?.From),
            to = StoredDates.Text(k.Filter?.To),
            processId = k.Filter?.ProcessId,
            minConfidence = k.Filter?.MinConfidence,
        }).ToList();
}
