using System.Text.Json;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Position edges asked for together, as queries over groups of edges that share a target, a stance and a filter (a
/// page of <c>who</c> is one group, or one per stance). A group's actors go in as one JSON array of ids, <c>$actors</c>,
/// read back as the table <c>k (edge, actor)</c>; the target, stance and filter bounds are plain parameters
/// (<see cref="Group.Parameters"/>). So the text of a query stays the same for any number of edges and SQLite prepares it once
/// (a <c>UNION ALL</c> with a branch per edge took ten times as long to prepare as to run), and no JSON is parsed per
/// row: with every edge's target, stance and bounds in the JSON, extracting them took 31 of the evidence query's 78 µs
/// for a page of 20. A merged actor's old id is read as the actor it now resolves to, as FindPositionsAsync does.
/// </summary>
internal static class EdgeKeys
{
    public static readonly string Table = $"k AS (SELECT key AS edge, {ActorRedirects.Resolved("value")} AS actor FROM json_each($actors))";

    /// <summary>Whether statement <paramref name="s"/> is one of edge <c>k</c>'s, before its filter.</summary>
    public static string Matches(string s) => $"{s}.actor_id = k.actor AND {s}.target_id = $target AND {s}.stance = $stance";

    /// <summary>Whether statement <paramref name="s"/> passes the group's filter, as a filtered <c>who</c> counts it.</summary>
    public static string Passes(string s) =>
        StatementFilterSql.Passes(s, "$from", "$to", "$process", "$minConfidence", nullable: true);

    /// <summary><paramref name="keys"/> grouped; row <c>edge</c> of <see cref="Table"/> is <c>keys[group.Indexes[edge]]</c>.</summary>
    public static IEnumerable<Group> Groups(IReadOnlyList<PositionEdgeKey> keys) =>
        Enumerable.Range(0, keys.Count)
            .GroupBy(i => (keys[i].TargetId, keys[i].Stance, keys[i].Filter))
            .Select(g => new Group([.. g], Parameters([.. g.Select(i => keys[i].ActorId)], g.Key.TargetId, g.Key.Stance, g.Key.Filter)));

    /// <summary>
    /// Edges sharing a target, a stance and a filter: <paramref name="Indexes"/> are their places in the caller's list;
    /// <paramref name="Parameters"/> bind <see cref="Table"/>, <see cref="Matches"/> and <see cref="Passes"/>.
    /// </summary>
    public sealed record Group(IReadOnlyList<int> Indexes, (string Name, object? Value)[] Parameters);

    // $actors, $target, $stance, the filter's bounds (null: none) and $filtered; built once per group, since a group's
    // queries (the reports and their totals) share them.
    private static (string Name, object? Value)[] Parameters(IReadOnlyList<string> actorIds, string targetId, Stance stance, StatementFilter? filter) =>
    [
        ("$actors", JsonSerializer.Serialize(actorIds)), ("$target", targetId), ("$stance", EnumNames.ToSnakeCase(stance)),
        ("$from", EmbeddedRows.DateText(filter?.From)), ("$to", EmbeddedRows.DateText(filter?.To)), ("$process", filter?.ProcessId),
        ("$minConfidence", filter?.MinConfidence), ("$filtered", filter is null ? 0 : 1),
    ];
}
