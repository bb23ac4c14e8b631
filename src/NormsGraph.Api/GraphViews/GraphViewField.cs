using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Api.GraphQL.Types;
using NormsGraph.Api.GraphQL.Validation;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using DateGraphType = NormsGraph.Api.GraphQL.Types.DateGraphType;

namespace NormsGraph.Api.GraphViews;

/// <summary>The <c>graphView</c> query field: arguments, their checks, and one call to the store port.</summary>
internal static class GraphViewField
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<GraphViewGraphType>>("graphView")
            .Description($"The network around the focus (actors and targets, edges are positions), or the whole graph without a focus; at most `limit` nodes. Counts {CostlyFields.Impact} against the complexity limit.")
            .WithComplexityImpact(CostlyFields.Impact)
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("focus", "Actor or target ids to centre on, e.g. [\"gge-13j\"].")
            .Argument<IntGraphType>("depth", arg => { arg.DefaultValue = 1; arg.Description = $"Hops from the focus, 0 to {GraphViewQuery.MaxDepth}."; })
            .Argument<ListGraphType<NonNullGraphType<StanceGraphType>>>("stances", "Only these stances.")
            .Argument<ListGraphType<NonNullGraphType<ActorTypeGraphType>>>("actorTypes", "Only actors of these types.")
            .Argument<IdGraphType>("process", "Only statements made at events of this process, e.g. oewg-2021-2025.")
            .Argument<DateGraphType>("from", "Only reports dated on or after this day (undated reports are then left out).")
            .Argument<DateGraphType>("to", "Only reports dated on or before this day.")
            .Argument<IntGraphType>("minStatements", arg => { arg.DefaultValue = 1; arg.Description = "Leave out positions backed by fewer statements."; })
            .Argument<FloatGraphType>("minConfidence", "Only statements extracted with at least this confidence (0 to 1).")
            .Argument<IntGraphType>("limit", arg => { arg.DefaultValue = GraphViewQuery.DefaultLimit; arg.Description = $"Most nodes returned, 1 to {GraphViewQuery.MaxLimit}."; })
            .ResolveAsync(async context =>
            {
                var query = new GraphViewQuery(
                    context.GetArgument<List<string>?>("focus") ?? [],
                    context.GetArgument("depth", 1),
                    context.GetArgument<List<Stance>?>("stances"),
                    context.GetArgument<List<ActorType>?>("actorTypes"),
                    context.GetArgument<string?>("process"),
                    context.GetArgument<DateOnly?>("from"),
                    context.GetArgument<DateOnly?>("to"),
                    context.GetArgument("minStatements", 1),
                    context.GetArgument<double?>("minConfidence"),
                    context.GetArgument("limit", GraphViewQuery.DefaultLimit));
                if (query.Problem() is { } problem)
                {
                    throw new ExecutionError(problem) { Code = "BAD_USER_INPUT" };
                }
                return await context.RequestServices!.GetRequiredService<IGraphStore>().GetGraphViewAsync(query, context.CancellationToken);
            });
}
