using GraphQL.Types;
using NormsGraph.Api.GraphQL.Loading;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class DisagreementGraphType : ObjectGraphType<Disagreement>
{
    public DisagreementGraphType()
    {
        Name = "Disagreement";
        Description = "The two sides on a target (up to 100 actors each, most statements first).";
        Field<TargetInterfaceGraphType>("target").Resolve(ctx => ctx.Loaders().Targets.Load(ctx.Source.TargetId));
        Field<NonNullGraphType<BooleanGraphType>>("contested").Description("True when someone opposes what someone else supports or proposes.")
            .Resolve(ctx => ctx.Source.Opponents.Count > 0 && ctx.Source.Supporters.Count > 0);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorStanceGraphType>>>>("supporters").Description("Support and propose stances.")
            .Resolve(ctx => ctx.Source.Supporters);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorStanceGraphType>>>>("opponents").Resolve(ctx => ctx.Source.Opponents);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorStanceGraphType>>>>("concerned").Resolve(ctx => ctx.Source.Concerned);
    }
}
