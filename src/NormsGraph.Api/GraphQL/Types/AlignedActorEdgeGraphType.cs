using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class AlignedActorEdgeGraphType() : EdgeGraphType<AlignedActorGraphType, AlignedActor>("AlignedActorEdge");
