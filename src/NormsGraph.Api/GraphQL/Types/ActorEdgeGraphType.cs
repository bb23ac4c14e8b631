using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class ActorEdgeGraphType() : EdgeGraphType<ActorGraphType, Actor>("ActorEdge");
