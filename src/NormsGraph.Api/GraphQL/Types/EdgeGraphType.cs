using GraphQL.Types;
using NormsGraph.Api.GraphQL.Paging;

namespace NormsGraph.Api.GraphQL.Types;

/// <summary>A Relay edge: the cursor and the node.</summary>
internal abstract class EdgeGraphType<TNodeGraphType, T> : ObjectGraphType<Edge<T>>
    where TNodeGraphType : IGraphType
{
    protected EdgeGraphType(string name)
    {
        Name = name;
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeGraphType>>("node").Resolve(ctx => ctx.Source.Node);
    }
}
