using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Api.GraphQL.Types;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Linking;

internal sealed class NormMatchGraphType : ObjectGraphType<NormMatch>
{
    public NormMatchGraphType()
    {
        Name = "NormMatch";
        Description = "A norm, principle or proposal a statement speaks to, with a calibrated score and the reasons.";
        Field<NonNullGraphType<TargetInterfaceGraphType>>("target")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<GraphLoaders>().Targets.Load(ctx.Source.Match.TargetId));
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("Probability in [0, 1] that the statement speaks to the target, calibrated on the dev links (0.8 is right about 80 % of the time).")
            .Resolve(ctx => ctx.Source.Match.Score);
        Field<NonNullGraphType<MatchWhyGraphType>>("why").Resolve(ctx => MatchWhy.From(ctx.Source.Match));
        Field<IntGraphType>("speakerStatements")
            .Description("Non-rejected statements the speaker (when given) already made about the target.")
            .ResolveAsync(async ctx => ctx.Source.Speaker is null ? null : (object)(await ctx.RequestServices!.GetRequiredService<IGraphStore>()
                .FindPositionsAsync(new PositionQuery(TargetId: ctx.Source.Match.TargetId, ActorId: ctx.Source.Speaker, First: 0), ctx.CancellationToken)).TotalCount);
    }
}
