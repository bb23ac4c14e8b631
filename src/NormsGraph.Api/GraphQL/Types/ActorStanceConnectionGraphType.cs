using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class ActorStanceConnectionGraphType()
    : ConnectionGraphType<ActorStanceGraphType, ActorStanceEdgeGraphType, PositionEdge>("ActorStanceConnection", "Actor stances matching the filter, over all pages.");
