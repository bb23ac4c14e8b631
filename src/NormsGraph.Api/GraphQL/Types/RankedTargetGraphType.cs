using GraphQL.Types;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class RankedTargetGraphType : ObjectGraphType<NamedCount>
{
    public RankedTargetGraphType()
    {
        Name = "RankedTarget";
        Field<NonNullGraphType<TargetInterfaceGraphType>>("target").Resolve(ctx => ctx.Loaders().Targets.Load(ctx.Source.Name));
        Field<NonNullGraphType<IntGraphType>>("supporterCount").Resolve(ctx => ctx.Source.Count);
    }
}
