using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class AlignedActorConnectionGraphType()
    : ConnectionGraphType<AlignedActorGraphType, AlignedActorEdgeGraphType, AlignedActor>("AlignedActorConnection", "Actors sharing or contesting at least one target.");
