using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class ActorStanceEdgeGraphType() : EdgeGraphType<ActorStanceGraphType, PositionEdge>("ActorStanceEdge");
