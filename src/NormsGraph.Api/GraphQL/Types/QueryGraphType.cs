using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        Field<NormGraphType>("norm")
            .Description("A norm by id, e.g. gge-13j or gcsc-1.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await TargetAsync(ctx, TargetKind.Norm));
        Field<TargetInterfaceGraphType>("target")
            .Description("Any norm, principle or proposal by id, e.g. p-intl-law.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await TargetAsync(ctx, kind: null));
        Field<ActorGraphType>("actor")
            .Description("An actor by id, e.g. access-now or usa.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<GraphLoaders>().Actors.Load(ctx.GetArgument<string>("id")));
        PositionArguments.Add(Field<NonNullGraphType<PositionConnectionGraphType>>("positions")
                .Description("Positions, filtered by target (norm, principle or proposal id), actor and stance; oldest report first."),
                includeTarget: true, includeActor: true)
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<IGraphStore>()
                .FindPositionsAsync(PositionArguments.Read(ctx), ctx.CancellationToken));
        Linking.LinkingFields.AddQueries(this);
        GraphViews.GraphViewField.AddTo(this);
    }

    private static async Task<Target?> TargetAsync(IResolveFieldContext context, TargetKind? kind)
    {
        var target = await context.RequestServices!.GetRequiredService<GraphLoaders>().Targets
            .Load(context.GetArgument<string>("id")).GetResultAsync(context.CancellationToken);
        return kind is null || target?.Kind == kind ? target : null;
    }
}
