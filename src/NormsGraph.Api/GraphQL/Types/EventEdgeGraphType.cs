using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class EventEdgeGraphType() : EdgeGraphType<EventGraphType, EventRecord>("EventEdge");
