using System.Text.Json;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Position edges as one JSON parameter, <c>$edges</c>, read back as the table <c>k (edge, actor, target, stance)</c>:
/// the text of a query over many edges stays the same for any number of them, so SQLite prepares it once (a
/// <c>UNION ALL</c> with a branch per edge took ten times as long to prepare as to run). A merged actor's old id is
/// read as the actor it now resolves to, as FindPositionsAsync does.
/// </summary>
internal static class EdgeKeys
{
    public const string Table = """
        k AS (SELECT key AS edge,
                     coalesce((SELECT new_id FROM actor_redirects WHERE old_id = json_extract(value, '$[0]')), json_extract(value, '$[0]')) AS actor,
                     json_extract(value, '$[1]') AS target, json_extract(value, '$[2]') AS stance FROM json_each($edges))
        """;

    /// <summary>The value of <c>$edges</c>; row <c>edge</c> of <see cref="Table"/> is <paramref name="keys"/>[edge].</summary>
    public static string Json(IReadOnlyList<PositionEdgeKey> keys) =>
        JsonSerializer.Serialize(keys.Select(k => new[] { k.ActorId, k.TargetId, EnumNames.ToSnakeCase(k.Stance) }));
}
