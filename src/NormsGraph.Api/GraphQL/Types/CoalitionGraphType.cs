using GraphQL.Types;
using NormsGraph.Api.GraphQL.Paging;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class CoalitionGraphType : ObjectGraphType<Coalition>
{
    public CoalitionGraphType()
    {
        Name = "Coalition";
        Description = "Actors taking one stance on a target, grouped by actor type or by the process of the events where they took it.";
        Field(c => c.Kind, type: typeof(NonNullGraphType<CoalitionKindGraphType>));
        Field(c => c.Key).Description("The actor type (e.g. state, civil_society) or the process id (e.g. oewg-2021-2025).");
        Field<NonNullGraphType<IntGraphType>>("actorCount").Resolve(ctx => ctx.Source.ActorIds.Count);
        Field<NonNullGraphType<IntGraphType>>("statementCount").Resolve(ctx => ctx.Source.Statements);
        ActorListField.Add(this, "actors", "coalition", "The actors of the group, by id.", c => c.ActorIds);
    }
}
