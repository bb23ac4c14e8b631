using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphViews;

internal sealed class GraphViewNodeKindGraphType : EnumerationGraphType<GraphViewNodeKind>
{
    public GraphViewNodeKindGraphType()
    {
        Name = "GraphViewNodeKind";
        Description = "What a graph-view node stands for: an actor, or the kind of target.";
    }
}
