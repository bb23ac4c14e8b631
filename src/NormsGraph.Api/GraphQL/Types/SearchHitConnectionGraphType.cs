using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class SearchHitConnectionGraphType()
    : ConnectionGraphType<SearchHitGraphType, SearchHitEdgeGraphType, SearchHit>("SearchHitConnection", "Matching nodes, over all pages.");
