using GraphQL.Types;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class RankedActorGraphType : ObjectGraphType<NamedCount>
{
    public RankedActorGraphType()
    {
        Name = "RankedActor";
        Field<NonNullGraphType<ActorGraphType>>("actor").Resolve(ctx => ctx.Loaders().Actors.Load(ctx.Source.Name));
        Field<NonNullGraphType<IntGraphType>>("statementCount").Resolve(ctx => ctx.Source.Count);
    }
}
