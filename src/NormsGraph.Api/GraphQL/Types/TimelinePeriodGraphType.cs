using GraphQL.Types;
using NormsGraph.Api.GraphQL.Paging;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class TimelinePeriodGraphType : ObjectGraphType<TimelinePeriod>
{
    public TimelinePeriodGraphType()
    {
        Name = "TimelinePeriod";
        Description = "One period and stance of a target's timeline.";
        Field(p => p.Period).Description("yyyy or yyyy-MM.");
        Field(p => p.Stance, type: typeof(NonNullGraphType<StanceGraphType>));
        Field<NonNullGraphType<IntGraphType>>("actorCount").Description("Distinct actors taking the stance in reports of the period.")
            .Resolve(ctx => ctx.Source.Actors);
        Field<NonNullGraphType<IntGraphType>>("statementCount").Resolve(ctx => ctx.Source.Statements);
        ActorListField.Add(this, "joined", "joined", "Actors taking the stance for the first time in this period, by id.", p => p.JoinedActorIds);
    }
}
