using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphViews;

internal sealed class GraphViewGraphType : ObjectGraphType<GraphView>
{
    public GraphViewGraphType()
    {
        Name = "GraphView";
        Description = "Nodes and edges for a dashboard; the same view as GET /api/graph-view (Cytoscape.js elements), GraphML and CSV.";
        Field(v => v.Nodes, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<GraphViewNodeGraphType>>>));
        Field(v => v.Edges, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<GraphViewEdgeGraphType>>>));
        Field(v => v.Truncated).Description("True when the node limit left nodes out.");
    }
}
