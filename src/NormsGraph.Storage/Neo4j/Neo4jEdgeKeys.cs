using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Neo4j;

/// <summary>Position edges as the <c>$pairs</c> parameter of a statement over many edges; row <c>edge</c> is keys[edge].</summary>
internal static class Neo4jEdgeKeys
{
    public static object Pairs(IReadOnlyList<PositionEdgeKey> keys) =>
        keys.Select(k => new { actorId = k.ActorId, targetId = k.TargetId, stance = EnumNames.ToSnakeCase(k.Stance) }).ToList();
}
