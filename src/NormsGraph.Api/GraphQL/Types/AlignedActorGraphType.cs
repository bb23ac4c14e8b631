using GraphQL.Types;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class AlignedActorGraphType : ObjectGraphType<AlignedActor>
{
    public AlignedActorGraphType()
    {
        Name = "AlignedActor";
        Description = "Another actor compared with the one asked about: shared stances, conflicting ones and a similarity.";
        Field<NonNullGraphType<ActorGraphType>>("actor").Resolve(ctx => ctx.Loaders().Actors.Load(ctx.Source.ActorId));
        Field(a => a.Similarity).Description("Targets with the same stance over all targets either took a stance on (0 to 1).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetInterfaceGraphType>>>>("shared")
            .Description("Targets both took the same stance on.").Resolve(ctx => ctx.Loaders().Targets.LoadMany(ctx.Source.SharedTargetIds));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetInterfaceGraphType>>>>("conflicting")
            .Description("Targets one supports or proposes and the other opposes.").Resolve(ctx => ctx.Loaders().Targets.LoadMany(ctx.Source.ConflictingTargetIds));
    }
}
