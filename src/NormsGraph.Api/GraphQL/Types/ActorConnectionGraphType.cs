using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class ActorConnectionGraphType()
    : ConnectionGraphType<ActorGraphType, ActorEdgeGraphType, Actor>("ActorConnection", "Actors in the list, over all pages.");
