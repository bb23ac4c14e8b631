using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class SearchHitEdgeGraphType() : EdgeGraphType<SearchHitGraphType, SearchHit>("SearchHitEdge");
