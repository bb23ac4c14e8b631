using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class StatisticsGraphType : ObjectGraphType<GraphStatistics>
{
    public StatisticsGraphType()
    {
        Name = "Statistics";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NamedCountGraphType>>>>("labels").Resolve(ctx => ctx.Source.Labels);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NamedCountGraphType>>>>("relationships").Resolve(ctx => ctx.Source.Relationships);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RankedTargetGraphType>>>>("mostSupportedTargets")
            .Description("Targets with the most supporting actors.").Resolve(ctx => ctx.Source.MostSupportedTargets);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RankedActorGraphType>>>>("mostActiveActors")
            .Description("Actors with the most non-rejected statements.").Resolve(ctx => ctx.Source.MostActiveActors);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PeriodActivityGraphType>>>>("periods").Resolve(ctx => ctx.Source.Periods);
    }
}
