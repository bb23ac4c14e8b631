using GraphQL.Types;
using NormsGraph.Api.GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphViews;

internal sealed class GraphViewNodeGraphType : ObjectGraphType<GraphViewNode>
{
    public GraphViewNodeGraphType()
    {
        Name = "GraphViewNode";
        Description = "An actor or a target (norm, principle, proposal) in a graph view.";
        Field(n => n.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(n => n.Label).Description("The actor's or target's name.");
        Field(n => n.Kind, type: typeof(NonNullGraphType<GraphViewNodeKindGraphType>));
        Field(n => n.Type, type: typeof(ActorTypeGraphType)).Description("The actor type; null for targets.");
        Field(n => n.Weight).Description("Statements on the view's edges that touch this node.");
        Field(n => n.Distance).Description("Hops from the nearest focus node (0 for focus nodes and in an unfocused view).");
    }
}
