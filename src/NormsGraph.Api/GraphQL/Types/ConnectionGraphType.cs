using GraphQL.Types;
using NormsGraph.Api.GraphQL.Paging;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

/// <summary>A Relay connection over a store <see cref="Page{T}"/>; each list has a small sealed subclass that names it.</summary>
internal abstract class ConnectionGraphType<TNodeGraphType, TEdgeGraphType, T> : ObjectGraphType<Page<T>>
    where TNodeGraphType : IGraphType
    where TEdgeGraphType : IGraphType
{
    protected ConnectionGraphType(string name, string totalDescription)
    {
        Name = name;
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeGraphType>>>>("edges")
            .Resolve(ctx => ctx.Source.Items.Select((item, i) => new Edge<T>(ctx.Source.Cursors[i], item)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraphType>>>>("nodes").Resolve(ctx => ctx.Source.Items);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Resolve(ctx => PageInfo.Of(ctx, ctx.Source.HasNextPage, ctx.Source.Cursors.Count == 0 ? null : ctx.Source.Cursors[0], ctx.Source.EndCursor));
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description(totalDescription).Resolve(ctx => ctx.Source.TotalCount);
    }
}
