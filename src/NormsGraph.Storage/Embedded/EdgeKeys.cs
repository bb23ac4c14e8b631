using System.Text.Json;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Position edges as one JSON parameter, <c>$edges</c>, read back as the table
/// <c>k (edge, actor, target, stance, from_date, to_date, process, min_confidence, filtered)</c>: the text of a query
/// over many edges stays the same for any number of them, so SQLite prepares it once (a <c>UNION ALL</c> with a branch
/// per edge took ten times as long to prepare as to run). A merged actor's old id is read as the actor it now resolves
/// to, as FindPositionsAsync does. An edge's <see cref="StatementFilter"/> travels with it (<see cref="Passes"/>).
/// </summary>
internal static class EdgeKeys
{
    public const string Table = """
        k AS (SELECT key AS edge,
                     coalesce((SELECT new_id FROM actor_redirects WHERE old_id = json_extract(value, '$[0]')), json_extract(value, '$[0]')) AS actor,
                     json_extract(value, '$[1]') AS target, json_extract(value, '$[2]') AS stance,
                     json_extract(value, '$[3]') AS from_date, json_extract(value, '$[4]') AS to_date,
                     json_extract(value, '$[5]') AS process, json_extract(value, '$[6]') AS min_confidence,
                     json_array_length(value) > 3 AS filtered
              FROM json_each($edges))
        """;

    /// <summary>Whether statement <paramref name="s"/> passes its edge's filter, as a filtered <c>who</c> counts it.</summary>
    public static string Passes(string s) =>
        StatementFilterSql.Passes(s, "k.from_date", "k.to_date", "k.process", "k.min_confidence", nullable: true);

    /// <summary>The value of <c>$edges</c>; row <c>edge</c> of <see cref="Table"/> is <paramref name="keys"/>[edge].</summary>
    public static string Json(IReadOnlyList<PositionEdgeKey> keys) =>
        JsonSerializer.Serialize(keys.Select(k => k.Filter is { } f
            ? new object?[] { k.ActorId, k.TargetId, EnumNames.ToSnakeCase(k.Stance), EmbeddedRows.DateText(f.From), EmbeddedRows.DateText(f.To), f.ProcessId, f.MinConfidence }
            : new object?[] { k.ActorId, k.TargetId, EnumNames.ToSnakeCase(k.Stance) }));
}
