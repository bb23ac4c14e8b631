using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class EventConnectionGraphType()
    : ConnectionGraphType<EventGraphType, EventEdgeGraphType, EventRecord>("EventConnection", "Events matching the filter, over all pages.");
