using GraphQL;
using GraphQLParser.AST;
using NormsGraph.Api.GraphQL.Paging;
using NormsGraph.Api.GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Loading;

/// <summary>
/// Loads, as soon as a page at the query's root is read, what its nodes' fields will ask the batch loaders for, so those
/// fields answer with values (<see cref="BatchLoader{TKey, TValue}.Answer(TKey)"/>). The store calls are those the
/// loaders would make after the level anyway, one per loader. What it saves is GraphQL.NET's second pass over each field
/// that returned a loader result (a queue, a task and a completion per field): 40 fields for a page of 20 supporters
/// with their actors and evidence. Pages under another field (a report's positions) still batch by level.
/// </summary>
internal static class PagePriming
{
    /// <summary>A page of <c>who</c>: its actors and, per size asked for, its evidence.</summary>
    public static async Task StancesAsync(IResolveFieldContext context, IReadOnlyList<PositionEdge> edges)
    {
        if (edges.Count == 0)
        {
            return;
        }
        var loaders = context.Loaders();
        var selected = SelectionLookahead.NodeFields(context);
        await WhereSelectedAsync(context, selected, "actor", loaders.Actors, edges.Select(e => e.ActorId));
        foreach (var size in EvidenceSizes(context, selected))
        {
            await loaders.Evidence(size).PrimeAsync(edges.Select(PositionEdgeKey.Of), context.CancellationToken);
        }
    }

    /// <summary>A page of <c>positions</c>: its actors, targets and reports.</summary>
    public static async Task PositionsAsync(IResolveFieldContext context, IReadOnlyList<PositionRecord> positions)
    {
        if (positions.Count == 0)
        {
            return;
        }
        var loaders = context.Loaders();
        var selected = SelectionLookahead.NodeFields(context);
        await WhereSelectedAsync(context, selected, "actor", loaders.Actors, positions.Select(p => p.ActorId));
        await WhereSelectedAsync(context, selected, "target", loaders.Targets, positions.Select(p => p.TargetId));
        await WhereSelectedAsync(context, selected, "report", loaders.Reports, positions.Select(p => p.ReportId));
    }

    // A loader's keys for a field of the nodes, when some node selects it.
    private static Task WhereSelectedAsync<TValue>(IResolveFieldContext context, List<GraphQLField> selected, string field, BatchLoader<string, TValue> loader,
        IEnumerable<string> keys)
        where TValue : class =>
        selected.Exists(f => f.Name.Value == field) ? loader.PrimeAsync(keys, context.CancellationToken) : Task.CompletedTask;

    // The sizes of `evidence` the nodes ask for that its resolver accepts; one it refuses is left to the resolver's error.
    private static IEnumerable<int> EvidenceSizes(IResolveFieldContext context, List<GraphQLField> selected) =>
        selected.Where(field => field.Name.Value == "evidence")
            .Select(field => SelectionLookahead.TryGetArgument(context, field, "first", out var value) ? value as int? : ActorStanceGraphType.DefaultEvidence)
            .OfType<int>()
            .Where(ActorStanceGraphType.IsEvidenceSize)
            .Distinct();
}
