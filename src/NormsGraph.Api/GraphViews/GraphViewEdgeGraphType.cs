using GraphQL.Types;
using NormsGraph.Api.GraphQL.Types;
using NormsGraph.Core.Storage;
using DateGraphType = NormsGraph.Api.GraphQL.Types.DateGraphType;

namespace NormsGraph.Api.GraphViews;

internal sealed class GraphViewEdgeGraphType : ObjectGraphType<GraphViewEdge>
{
    public GraphViewEdgeGraphType()
    {
        Name = "GraphViewEdge";
        Description = "A position in a graph view: from an actor (source) to a target, with the statements behind it.";
        Field(e => e.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable: actor:stance:target.");
        Field(e => e.Source, type: typeof(NonNullGraphType<IdGraphType>)).Description("The actor's id.");
        Field(e => e.Target, type: typeof(NonNullGraphType<IdGraphType>)).Description("The target's id.");
        Field(e => e.Stance, type: typeof(NonNullGraphType<StanceGraphType>));
        Field(e => e.Weight).Description("Statements behind this position that pass the view's filters.");
        Field(e => e.First, type: typeof(DateGraphType)).Description("Date of the first report with such a statement.");
        Field(e => e.Last, type: typeof(DateGraphType)).Description("Date of the last report with such a statement.");
    }
}
